// The user's settings: one schema with defaults, used to validate the file on load
// (electron/core/settings), every patch the UI sends (updateSettings), and every answer.
// New settings are added here with a default, so an older file still loads.
import { z } from 'zod';
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

export const Settings = z
  .object({
    /** The user's language: picks the share message (and later the UI's language). */
    language: Language.default('en'),
    share: z
      .object({
        /** Own share message per language; null falls back to DEFAULT_SHARE_MESSAGES. */
        messages: ShareMessages.default({ en: null, ru: null }),
      })
      .strict()
      .default({ messages: { en: null, ru: null } }),
  })
  .strict();
export type Settings = z.output<typeof Settings>;

export const DEFAULT_SETTINGS: Settings = Object.freeze(Settings.parse({}));

/** A partial update: only the given fields change; `null` for a message restores its default. */
export const SettingsPatch = z
  .object({
    language: Language.optional(),
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
