// Typed, validated fan-out of bridge events from core to whichever transport is attached.
import {
  type BridgeEventMessage,
  bridgeEvents,
  type EventName,
  type EventPayload,
} from '../../shared/bridge.ts';

export type EventSink = (message: BridgeEventMessage) => void;

export interface EventHub {
  emit<E extends EventName>(event: E, payload: EventPayload<E>): void;
  subscribe(sink: EventSink): () => void;
}

export function createEventHub(): EventHub {
  const sinks = new Set<EventSink>();
  return {
    emit(event, payload) {
      // Validate once at the source so no transport ever forwards an off-contract event.
      const checked = bridgeEvents[event].parse(payload);
      for (const sink of sinks) sink({ event, payload: checked });
    },
    subscribe(sink) {
      sinks.add(sink);
      return () => sinks.delete(sink);
    },
  };
}
