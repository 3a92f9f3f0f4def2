// The live side as the Settings section shows it: the connection state and the notification pause,
// kept current from their bridge events.
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { LiveStatus, NotificationPause } from '../../../shared/bridge/live.ts';
import type { AppInfo, BridgeApi, BridgeFailure } from '../../../shared/bridge.ts';
import { toBridgeFailure } from '../store/bridge-failure.ts';

export interface LiveState {
  status: LiveStatus | null;
  pause: NotificationPause | null;
  info: AppInfo | null;
  error: BridgeFailure | null;
  start(): () => void;
  pauseFor(what: '1h' | 'tomorrow' | 'resume'): Promise<void>;
  setTrading(trading: boolean): Promise<void>;
}

export function createLiveStore(bridge: BridgeApi): StoreApi<LiveState> {
  return createStore<LiveState>()((set) => {
    const fail = (error: unknown) => set({ error: toBridgeFailure(error) });
    const showPause = (pause: NotificationPause) => set({ pause, error: null });
    return {
      status: null,
      pause: null,
      info: null,
      error: null,
      start() {
        const offStatus = bridge.on('liveStatusChanged', (status) => set({ status }));
        const offPause = bridge.on('notificationPauseChanged', showPause);
        bridge.getLiveStatus({}).then((status) => set({ status }), fail);
        bridge.getNotificationPause({}).then(showPause, fail);
        bridge.getAppInfo({}).then((info) => set({ info }), fail);
        return () => {
          offStatus();
          offPause();
        };
      },
      async pauseFor(what) {
        try {
          showPause(await bridge.pauseNotifications({ pause: what }));
        } catch (error) {
          fail(error);
        }
      },
      async setTrading(trading) {
        try {
          showPause(await bridge.setTrading({ trading }));
        } catch (error) {
          fail(error);
        }
      },
    };
  });
}
