// Native notifications for core's notices (the NotificationSink port). A click shows the window
// and asks core to open the item (openNotification → navigate event to the renderer). Windows
// needs the AppUserModelID set (app.ts) for these to appear at all.
import { Notification } from 'electron';
import type { Notice } from '../../shared/bridge/live.ts';
import type { NotificationSink } from '../core/notifications/notification-service.ts';

export interface NativeNotificationOptions {
  /** The user clicked notice `id`. */
  onClick(id: string): void;
  icon?: string | undefined;
  log?: (message: string) => void;
}

export function createNativeNotificationSink(
  options: NativeNotificationOptions,
): NotificationSink & { readonly shown: readonly Notice[] } {
  const log = options.log ?? console.warn;
  // Electron drops click handlers of a Notification that was garbage-collected: keep each until it closes.
  const live = new Set<Notification>();
  const shown: Notice[] = [];
  return {
    shown,
    deliver(notice) {
      if (!Notification.isSupported()) {
        log('notifications: this system does not support native notifications.');
        return;
      }
      const native = new Notification({
        title: notice.title,
        body: notice.body,
        ...(options.icon ? { icon: options.icon } : {}),
      });
      live.add(native);
      native.on('click', () => options.onClick(notice.id));
      native.on('close', () => live.delete(native));
      native.on('failed', (_event, error) => {
        live.delete(native);
        log(`notifications: could not show "${notice.title}": ${error}`);
      });
      native.show();
      shown.push(notice);
    },
  };
}
