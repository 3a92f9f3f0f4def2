// The two IPC channels of the bridge, shared by main and preload. Nothing else crosses IPC.
export const BRIDGE_CALL_CHANNEL = 'bridge:call';
export const BRIDGE_EVENT_CHANNEL = 'bridge:event';
