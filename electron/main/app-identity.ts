// Who the app is, in one place: the custom origin the renderer is served from, and the
// application id that electron-builder.yml must repeat (a test keeps the two in step).

/** Must equal `appId` in electron-builder.yml: Windows ties notifications and taskbar to it. */
export const APP_ID = 'com.quantower.referral-companion';

/** The notification picture, relative to the app's root; electron-builder.yml packs and unpacks it. */
export const NOTIFICATION_ICON = 'resources/icons/png/256x256.png';

export const APP_SCHEME = 'app';
export const APP_HOST = 'companion';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

/**
 * scheme://host[:port] of a URL, or null. Not `URL#origin`: Node's URL gives custom schemes such
 * as app: an opaque "null" origin, while Chromium treats our registered standard scheme as a
 * real origin; comparing scheme and host works the same for app:, http: and https:.
 */
export function originOf(raw: string): string | null {
  try {
    const url = new URL(raw);
    return url.host ? `${url.protocol}//${url.host}` : null;
  } catch {
    return null;
  }
}
