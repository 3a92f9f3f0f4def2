// In the browser shell, notices become Web Notifications only once the user has allowed them, and a
// browser asks only from a click: this is that click. Desktop (Electron) notifications need no ask.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../ui/Button.tsx';

type Permission = 'default' | 'granted' | 'denied' | 'unsupported';

function current(): Permission {
  return typeof Notification === 'undefined' ? 'unsupported' : Notification.permission;
}

export function BrowserNotificationPermission() {
  const { t } = useTranslation('notifications');
  const [permission, setPermission] = useState<Permission>(current);
  if (permission === 'unsupported') return null;
  return (
    <p data-testid="browser-notification-permission" data-permission={permission}>
      {permission === 'default' && (
        <Button
          size="small"
          testId="allow-browser-notifications"
          onClick={() =>
            void Notification.requestPermission().then(setPermission, () => setPermission(current()))
          }
        >
          {t('browserPermission.ask')}
        </Button>
      )}
      {permission === 'granted' && t('browserPermission.granted')}
      {permission === 'denied' && t('browserPermission.denied')}
    </p>
  );
}
