// The user's settings: one schema with defaults, used to validate the file on load
// (electron/core/settings), every patch the UI sends (updateSettings), and every answer.
// New settings are added here with a default, so an older file still loads.
import { z } from 'zod';
import { accountsUrlProblem } from './accounts-url.ts';
import { liveSettingsPatchShape, liveSettingsShape } from './live-settings.ts';
import { isCanonicalReferralLink } from './referral-link.ts';
import { DEFAULT_SECTION, SECTION_ID_PATTERN } from './section-id.ts';
import { SHARE_LANGUAGES, shareMessageProblem } from './share-targets.ts';

export const Language = z.enum(SHARE_LANGUAGES);
export type Language = z.infer<typeof Language>;

/** A share message template with `{link}` / `{code}` placeholders; null means "the default". */
export const ShareMessageTemplate = z.string().superRefine((template, context) => {
  const problem = shareMessageProblem(template);
  if (problem) context.addIssue({ code: 'custom', message: problem });
});

const ShareMessages = z
  .object({
    en: ShareMessageTemplate.nullable().default(null),
    ru: ShareMessageTemplate.nullable().default(null),
  })
  .strict();

export const UiLanguage = z.enum(['system', ...SHARE_LANGUAGES]);
export type UiLanguage = z.infer<typeof UiLanguage>;
export const Theme = z.enum(['system', 'light', 'dark']);
/** A section of the UI by its id (renderer/src/shell/sections.ts); an unknown one opens the first. */
export const SectionId = z.string().regex(SECTION_ID_PATTERN);
export type Theme = z.infer<typeof Theme>;

const UiSettings = z
  .object({
    /** The UI's language; 'system' follows the OS/browser locale. */
    language: UiLanguage.default('system'),
    /** 'system' follows the OS light/dark preference. */
    theme: Theme.default('system'),
    /** The section the user had open last: the companion opens on it (and pre-renders it). */
    section: SectionId.default(DEFAULT_SECTION),
  })
  .strict();

// Auto-apply of the balance to license renewals (issue 6); the decision is core's
// (electron/core/licenses/auto-apply.ts). Fields without defaults so a patch changes only what it names.
const AutoApplyRenewals = z
  .array(z.object({ productId: z.string().min(1).max(64), sku: z.string().min(1).max(64) }).strict())
  .max(100)
  .refine(
    (renewals) => new Set(renewals.map((r) => r.productId)).size === renewals.length,
    'One renewal option per license.',
  );
const AutoApplyWithinDays = z.number().int().min(1).max(90);
const AutoApplyAction = z.enum(['ask', 'apply']);
export const LicenseAutoApply = z
  .object({
    /** Licenses opted in ("use my balance for the next renewal of …"), each with the option to buy. */
    renewals: AutoApplyRenewals.default([]),
    /** Act when the license ends within this many days. */
    withinDays: AutoApplyWithinDays.default(7),
    /** Also use the balance when it covers only part of the price (the rest is paid at checkout). */
    allowPartial: z.boolean().default(false),
    /** 'ask': offer once and wait for the user; 'apply': apply at once and notify. */
    action: AutoApplyAction.default('ask'),
  })
  .strict();
export type LicenseAutoApply = z.output<typeof LicenseAutoApply>;

/**
 * How the companion reaches the program (issue 13): 'demo' — the embedded sandbox; 'link' — the
 * partner's own referral link, no accounts API; 'server' — an accounts server implementing the
 * contract (`accountsUrl`). null until the user chooses on the welcome screen.
 */
export const CompanionMode = z.enum(['demo', 'link', 'server']);
export type CompanionMode = z.infer<typeof CompanionMode>;

/** The partner's own link (link mode), always as the one builder makes it; not a secret. */
export const SavedReferralLink = z
  .string()
  .max(2_000)
  .refine(
    isCanonicalReferralLink,
    'A referral link as https://accounts.quantower.com/referral?referral_code=… builds it.',
  );

export const Settings = z
  .object({
    mode: CompanionMode.nullable().default(null),
    /**
     * Link mode's referral link; kept whatever the mode, so switching modes loses nothing. A damaged
     * one in the file reads as "none saved" instead of setting the whole file aside.
     */
    referralLink: SavedReferralLink.nullable().default(null).catch(null),
    /** The share message's language; null until chosen: the UI's language (`ui.language`, resolved). */
    language: Language.nullable().default(null),
    ui: UiSettings.default({ language: 'system', theme: 'system', section: DEFAULT_SECTION }),
    share: z
      .object({
        /** Own share message per language; null falls back to DEFAULT_SHARE_MESSAGES. */
        messages: ShareMessages.default({ en: null, ru: null }),
      })
      .strict()
      .default({ messages: { en: null, ru: null } }),
    licenseAutoApply: LicenseAutoApply.default(LicenseAutoApply.parse({})),
    /** Updates (Electron): checked at start and daily, downloaded in the background (issue 17). */
    updates: z
      .object({ enabled: z.boolean().default(true) })
      .strict()
      .default({ enabled: true }),
    ...liveSettingsShape,
  })
  .strict();
export type Settings = z.output<typeof Settings>;

export const DEFAULT_SETTINGS: Settings = Object.freeze(Settings.parse({}));

/** A partial update: only the given fields change; `null` for a message restores its default. */
export const SettingsPatch = z
  .object({
    /** null only puts back "not chosen yet" (core's undo when a chosen mode cannot start). */
    mode: CompanionMode.nullable().optional(),
    referralLink: SavedReferralLink.nullable().optional(),
    language: Language.optional(),
    ui: z
      .object({ language: UiLanguage.optional(), theme: Theme.optional(), section: SectionId.optional() })
      .strict()
      .optional(),
    share: z
      .object({
        messages: z
          .object({
            en: ShareMessageTemplate.nullable().optional(),
            ru: ShareMessageTemplate.nullable().optional(),
          })
          .strict()
          .optional(),
      })
      .strict()
      .optional(),
    licenseAutoApply: z
      .object({
        renewals: AutoApplyRenewals.optional(),
        withinDays: AutoApplyWithinDays.optional(),
        allowPartial: z.boolean().optional(),
        action: AutoApplyAction.optional(),
      })
      .strict()
      .optional(),
    updates: z.object({ enabled: z.boolean().optional() }).strict().optional(),
    ...liveSettingsPatchShape,
    // A new accounts URL must be https unless it is on this machine (a file may still hold an older
    // http one: it loads, and is refused only when changed).
    accountsUrl: liveSettingsPatchShape.accountsUrl.refine(
      (url) => url == null || accountsUrlProblem(url) === null,
      'An accounts server must use https (http only on this machine: localhost, 127.0.0.1, [::1]).',
    ),
  })
  .strict();
export type SettingsPatch = z.input<typeof SettingsPatch>;

/** The settings after a (validated) patch: plain objects merge, everything else replaces. */
export function applySettingsPatch(settings: Settings, patch: z.output<typeof SettingsPatch>): Settings {
  return Settings.parse(mergeDeep(settings, patch));
}

function mergeDeep(base: unknown, patch: unknown): unknown {
  if (!isPlainObject(base) || !isPlainObject(patch)) return patch === undefined ? base : patch;
  const merged: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(patch)) {
    if (value !== undefined) merged[key] = mergeDeep(base[key], value);
  }
  return merged;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
