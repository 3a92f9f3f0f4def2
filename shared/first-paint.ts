// What a shell needs to draw the UI before its script runs, from what core already holds (no
// network): the session, the settings, the cached dashboard and the app info. The shells render
// the page with it on the server side and embed it in the page, so the UI's stores start from the
// same state and the first paint shows the user's figures instead of a spinner (docs/first-paint.md).
import { z } from 'zod';
import { EarningsView } from './bridge/earnings.ts';
import { AppInfo, ReferralView, SessionView } from './bridge.ts';
import { Settings } from './settings.ts';

export const FirstPaint = z
  .object({
    appInfo: AppInfo,
    session: SessionView,
    settings: Settings,
    /** The cached dashboard of the signed-in account; null when signed out or nothing is cached. */
    earnings: EarningsView.nullable(),
    /** The last referral read for the signed-in account; null when signed out or none kept. */
    referral: ReferralView.nullable(),
    /** The system's preferred languages (Accept-Language, the OS), for a `system` UI language. */
    systemLanguages: z.array(z.string().max(35)).max(20),
  })
  .strict();
export type FirstPaint = z.infer<typeof FirstPaint>;
