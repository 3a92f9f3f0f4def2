// Every namespace, per language. A feature adds its strings in en/<feature>.ts and ru/<feature>.ts
// and registers them here with one line per language.
import { about as enAbout } from './en/about.ts';
import { common as enCommon } from './en/common.ts';
import { earnings as enEarnings } from './en/earnings.ts';
import { layout as enLayout } from './en/layout.ts';
import { licenses as enLicenses } from './en/licenses.ts';
import { notices as enNotices } from './en/notices.ts';
import { notifications as enNotifications } from './en/notifications.ts';
import { payouts as enPayouts } from './en/payouts.ts';
import { referral as enReferral } from './en/referral.ts';
import { session as enSession } from './en/session.ts';
import { settings as enSettings } from './en/settings.ts';
import { share as enShare } from './en/share.ts';
import { supportRequests as enSupportRequests } from './en/supportRequests.ts';
import { tray as enTray } from './en/tray.ts';
import { welcome as enWelcome } from './en/welcome.ts';
import { about as ruAbout } from './ru/about.ts';
import { common as ruCommon } from './ru/common.ts';
import { earnings as ruEarnings } from './ru/earnings.ts';
import { layout as ruLayout } from './ru/layout.ts';
import { licenses as ruLicenses } from './ru/licenses.ts';
import { notices as ruNotices } from './ru/notices.ts';
import { notifications as ruNotifications } from './ru/notifications.ts';
import { payouts as ruPayouts } from './ru/payouts.ts';
import { referral as ruReferral } from './ru/referral.ts';
import { session as ruSession } from './ru/session.ts';
import { settings as ruSettings } from './ru/settings.ts';
import { share as ruShare } from './ru/share.ts';
import { supportRequests as ruSupportRequests } from './ru/supportRequests.ts';
import { tray as ruTray } from './ru/tray.ts';
import { welcome as ruWelcome } from './ru/welcome.ts';

export const en = {
  session: enSession,
  common: enCommon,
  referral: enReferral,
  share: enShare,
  settings: enSettings,
  payouts: enPayouts,
  licenses: enLicenses,
  earnings: enEarnings,
  notifications: enNotifications,
  supportRequests: enSupportRequests,
  welcome: enWelcome,
  about: enAbout,
  layout: enLayout,
  notices: enNotices,
  tray: enTray,
};

export const ru = {
  session: ruSession,
  common: ruCommon,
  referral: ruReferral,
  share: ruShare,
  settings: ruSettings,
  payouts: ruPayouts,
  licenses: ruLicenses,
  earnings: ruEarnings,
  notifications: ruNotifications,
  supportRequests: ruSupportRequests,
  welcome: ruWelcome,
  about: ruAbout,
  layout: ruLayout,
  notices: ruNotices,
  tray: ruTray,
} satisfies Record<keyof typeof en, unknown>;

export const resources = { en, ru };
export type UiLocale = keyof typeof resources;
export const UI_LOCALES = Object.keys(resources) as UiLocale[];
