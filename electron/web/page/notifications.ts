// The browser shell's delivery of notifications: core decides what to tell (policy, bursts, pause)
// and sends each notice as a `notification` bridge event; the page shows it as a Web Notification
// when the user has allowed them, else as an in-page toast. A click opens the companion on the
// item (openNotification → navigate). Every delivery is recorded on window.__companionNotifications
// (id and how it was shown, nothing private) so end-to-end tests can assert exactly what appeared.
import type { Notice } from '../../../shared/bridge/live.ts';
import type { BridgeApi } from '../../../shared/bridge.ts';

export interface Delivery {
  id: string;
  via: 'web-notification' | 'toast';
  title: string;
  amountCents: number | undefined;
}

const TOAST_MS = 10_000;

export function installNotificationDelivery(api: BridgeApi, win: Window = window): () => void {
  const deliveries: Delivery[] = [];
  Object.defineProperty(win, '__companionNotifications', { value: deliveries, configurable: true });
  let region: HTMLElement | undefined;

  const open = (notice: Notice) => {
    win.focus();
    api.openNotification({ id: notice.id }).catch(() => {});
  };

  function toastRegion(): HTMLElement {
    if (region?.isConnected) return region;
    const doc = win.document;
    region = doc.createElement('section');
    region.setAttribute('aria-label', 'Notifications');
    region.dataset.testid = 'toasts';
    // CSSOM, not a style attribute: allowed under the page's CSP.
    Object.assign(region.style, {
      position: 'fixed',
      insetInlineEnd: '12px',
      insetBlockEnd: '12px',
      display: 'flex',
      flexDirection: 'column',
      gap: '8px',
      zIndex: '2147483647',
      maxWidth: 'min(340px, calc(100vw - 24px))',
    });
    doc.body.append(region);
    return region;
  }

  function toast(notice: Notice) {
    const doc = win.document;
    const item = doc.createElement('div');
    item.setAttribute('role', 'status');
    item.dataset.testid = 'toast';
    item.dataset.kind = notice.kind;
    Object.assign(item.style, {
      display: 'flex',
      alignItems: 'flex-start',
      gap: '8px',
      padding: '10px 12px',
      borderRadius: '8px',
      background: 'var(--surface, Canvas)',
      color: 'var(--text, CanvasText)',
      border: '1px solid var(--border, GrayText)',
      boxShadow: '0 4px 16px rgb(0 0 0 / 25%)',
      font: '13px/1.35 system-ui, sans-serif',
    });
    const body = doc.createElement('button');
    body.type = 'button';
    body.dataset.testid = 'toast-open';
    Object.assign(body.style, { all: 'unset', cursor: 'pointer', flex: '1', minWidth: '0' });
    const title = doc.createElement('strong');
    title.dataset.testid = 'toast-title';
    title.textContent = notice.title;
    title.style.display = 'block';
    body.append(title);
    if (notice.body) {
      const text = doc.createElement('span');
      text.dataset.testid = 'toast-body';
      text.textContent = notice.body;
      body.append(text);
    }
    const close = doc.createElement('button');
    close.type = 'button';
    close.setAttribute('aria-label', 'Dismiss');
    close.textContent = '×';
    Object.assign(close.style, { all: 'unset', cursor: 'pointer', paddingInline: '4px' });
    const dismiss = () => item.remove();
    body.addEventListener('click', () => {
      open(notice);
      dismiss();
    });
    close.addEventListener('click', dismiss);
    item.append(body, close);
    toastRegion().append(item);
    win.setTimeout(dismiss, TOAST_MS);
  }

  function deliver(notice: Notice) {
    const NotificationApi = (win as Window & { Notification?: typeof Notification }).Notification;
    let via: Delivery['via'] = 'toast';
    if (NotificationApi?.permission === 'granted') {
      try {
        const shown = new NotificationApi(notice.title, { body: notice.body, tag: notice.id });
        shown.addEventListener('click', () => {
          open(notice);
          shown.close();
        });
        via = 'web-notification';
      } catch {
        // Some browsers only allow notifications from a service worker: fall back to a toast.
      }
    }
    if (via === 'toast') toast(notice);
    deliveries.push({ id: notice.id, via, title: notice.title, amountCents: notice.amountCents });
  }

  return api.on('notification', deliver);
}
