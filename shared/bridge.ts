// The bridge between the UI and the companion: one contract, two transports
// (Electron IPC in the desktop app, HTTP + Server-Sent Events in the browser shell).
//
// Every method has a runtime schema for its input and output, and says who answers it:
//  - 'core'  : the companion's brain (electron/core), the same code in both shells;
//  - 'shell' : a platform capability (clipboard, external links) that each shell provides
//              its own way (Electron main process, or the browser page itself).
// The handler types below make a missing handler a compile error (see CoreHandlers, ShellHandlers).
import { z } from 'zod';
import { Profile, ReferralInfo } from './accounts-api.ts';
import { aboutEvents, aboutMethods } from './bridge/about.ts';
import { earningsEvents, earningsMethods } from './bridge/earnings.ts';
import { liveEvents, liveMethods } from './bridge/live.ts';
import { payoutEvents, payoutMethods, Refusal } from './bridge/payouts.ts';
import { supportJournalEvents, supportJournalMethods } from './bridge/support-journal.ts';
import { Settings, SettingsPatch } from './settings.ts';

const NoInput = z.object({}).strict();

export const AppInfo = z.object({
  version: z.string(),
  /**
   * 'demo' runs against the embedded sandbox; 'custom' against a configured accounts URL (server
   * mode); 'link' on the partner's saved referral link, with no accounts API; 'unchosen' until the
   * user picks one on the welcome screen (issue 13).
   */
  mode: z.enum(['demo', 'custom', 'link', 'unchosen']),
  /** The accounts API in use; null in link mode and before a mode is chosen. */
  accountsUrl: z.url().nullable(),
  shell: z.enum(['electron', 'browser']),
  /**
   * The desktop app registers start at login (installed app: login item, or XDG autostart on
   * Linux). False in an unpackaged Electron run, where the toggle would do nothing, so it is not shown.
   */
  startAtLogin: z.boolean().optional(),
});
export type AppInfo = z.infer<typeof AppInfo>;

export const ReferralView = ReferralInfo.extend({
  /** Absent in link mode: the link is the partner's own, no account is known. */
  partner: Profile.optional(),
});
export type ReferralView = z.infer<typeof ReferralView>;

// 'iVBORw0KGgo' is the base64 of the PNG signature; 8 MB covers any QR image many times over.
const PngBase64 = z
  .base64()
  .max(8_000_000)
  .refine((data) => data.startsWith('iVBORw0KGgo'), 'Not a PNG image.');

/** A plain file name (no folders), with the extension its type calls for. */
const FileName = z
  .string()
  .min(1)
  .max(120)
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are refused on purpose.
  .regex(/^[^\\/:*?"<>|\u0000-\u001f]+$/u, 'A file name without folders or reserved characters.')
  .refine((value) => !/^\.+$/u.test(value), 'A file name, not a folder reference.');
const SaveFileInput = z.discriminatedUnion('mime', [
  z
    .object({ name: FileName, mime: z.literal('image/png'), dataBase64: PngBase64 })
    .strict()
    .refine((input) => input.name.toLowerCase().endsWith('.png'), 'A PNG file name ends in .png.'),
  z
    .object({ name: FileName, mime: z.literal('image/svg+xml'), text: z.string().min(1).max(2_000_000) })
    .strict()
    .refine((input) => input.name.toLowerCase().endsWith('.svg'), 'An SVG file name ends in .svg.'),
  z
    .object({ name: FileName, mime: z.literal('text/csv'), text: z.string().min(1).max(64_000_000) })
    .strict()
    .refine((input) => input.name.toLowerCase().endsWith('.csv'), 'A CSV file name ends in .csv.'),
]);

// ---- session (sign-in) -------------------------------------------------------------------
// What the UI may know about the session: who is signed in and why not. Never a token: tokens
// stay in core and the keychain.

export const SessionReason = z.object({
  code: z.enum([
    'denied', // the user cancelled on the sign-in page
    'timed-out', // nobody came back from the browser in time
    'unreachable', // the accounts server could not be reached to sign in
    'expired', // the accounts server no longer accepts this sign-in (refresh refused, 401)
    'failed', // anything else; the message says what
  ]),
  message: z.string(),
});
export type SessionReason = z.infer<typeof SessionReason>;

/** Something the user should know after a sign-out that went through locally (not an error). */
export const SessionNotice = z
  .object({
    code: z.enum([
      'revocation-failed', // signed out here, but the server could not be told (core retries later)
    ]),
  })
  .strict();
export type SessionNotice = z.infer<typeof SessionNotice>;

export const SessionView = z
  .object({
    state: z.enum(['signed-out', 'signing-in', 'signed-in']),
    /** When signed in. */
    email: z.email().optional(),
    /** Why the session ended or could not start (absent after a plain sign-out or cancel). */
    reason: SessionReason.optional(),
    /** When signed out: a note about the sign-out itself (e.g. the server was not told). */
    notice: SessionNotice.optional(),
    /** While signing in: the page to open (again) in the browser. */
    authorizeUrl: z.url().optional(),
    /** Where the sign-in is kept between runs. */
    storage: z.enum(['keychain', 'safe-storage', 'memory']),
    /** Why the storage is a fallback, and what that means for the user. */
    storageNote: z.string().optional(),
  })
  .strict();
export type SessionView = z.infer<typeof SessionView>;

export const bridgeMethods = {
  getAppInfo: { side: 'core', input: NoInput, output: AppInfo },
  getReferral: { side: 'core', input: NoInput, output: ReferralView },
  getSession: { side: 'core', input: NoInput, output: SessionView },
  /** Starts signing in: answers 'signing-in' with the authorizeUrl to open in the browser (the
   * outcome arrives as sessionChanged), or 'signed-out' with the reason it could not start. */
  signIn: { side: 'core', input: NoInput, output: SessionView },
  cancelSignIn: { side: 'core', input: NoInput, output: SessionView },
  /** Revokes the sign-in at the accounts server and deletes it from this machine. */
  signOut: { side: 'core', input: NoInput, output: SessionView },
  copyText: {
    side: 'shell',
    // Room for a diagnostics report (200 log lines).
    input: z.object({ text: z.string().min(1).max(100_000) }).strict(),
    output: z.object({ copied: z.literal(true) }),
  },
  /** Reads the clipboard's text: only on the user's click (Paste) or when the window gains focus,
   * never in the background (link mode's "Use this link?"). Empty when it holds no text. */
  readClipboardText: {
    side: 'shell',
    input: NoInput,
    output: z.object({ text: z.string().max(10_000) }).strict(),
  },
  getSettings: { side: 'core', input: NoInput, output: Settings },
  /** Changes only the given fields; answers the settings as saved. */
  updateSettings: { side: 'core', input: SettingsPatch, output: Settings },
  /** Opens a link in the system browser or mail client; each shell refuses anything off the
   * allow-list of electron/core/external-links.ts. */
  openExternal: {
    side: 'shell',
    input: z.object({ url: z.string().min(1).max(8_000) }).strict(),
    output: z.object({ opened: z.literal(true) }),
  },
  /** Saves a file the user names (Electron: a save dialog; browser: a download). */
  saveFile: {
    side: 'shell',
    input: SaveFileInput,
    /** false when the user cancelled the save dialog. */
    output: z.object({ saved: z.boolean() }),
  },
  /** Puts a PNG image on the clipboard. */
  copyImage: {
    side: 'shell',
    input: z.object({ pngBase64: PngBase64 }).strict(),
    output: z.object({ copied: z.literal(true) }),
  },
  ...liveMethods,
  ...earningsMethods,
  ...payoutMethods,
  ...supportJournalMethods,
  ...aboutMethods,
} as const satisfies Record<string, MethodSpec>;

export const bridgeEvents = {
  /** The referral info changed since it was last served (e.g. code reissued). */
  referralChanged: ReferralView,
  /** Signed in, out, or signing in; carries the reason when a session ended on its own. */
  sessionChanged: SessionView,
  /** The settings changed (from any window, or a reset after a corrupt file). */
  settingsChanged: Settings,
  /** The mode changed at run time (welcome, Settings): the UI starts again on the new one. */
  appInfoChanged: AppInfo,
  ...liveEvents,
  ...earningsEvents,
  ...payoutEvents,
  ...supportJournalEvents,
  ...aboutEvents,
} as const satisfies Record<string, z.ZodType>;

// ---- types derived from the contract -------------------------------------------------------

export interface MethodSpec {
  side: 'core' | 'shell';
  input: z.ZodType;
  output: z.ZodType;
}
type Methods = typeof bridgeMethods;
type Events = typeof bridgeEvents;
export type MethodName = keyof Methods;
export type EventName = keyof Events;
export type CoreMethodName = { [K in MethodName]: Methods[K]['side'] extends 'core' ? K : never }[MethodName];
export type ShellMethodName = Exclude<MethodName, CoreMethodName>;
export type MethodInput<K extends MethodName> = z.input<Methods[K]['input']>;
export type MethodOutput<K extends MethodName> = z.output<Methods[K]['output']>;
export type EventPayload<E extends EventName> = z.output<Events[E]>;

type HandlersFor<K extends MethodName> = {
  [P in K]: (input: z.output<Methods[P]['input']>) => Promise<z.input<Methods[P]['output']>>;
};
/** Exactly one handler per core method: a missing one fails to compile. */
export type CoreHandlers = HandlersFor<CoreMethodName>;
/** Exactly one handler per shell method: each shell must provide all of them. */
export type ShellHandlers = HandlersFor<ShellMethodName>;
export type AllHandlers = CoreHandlers & ShellHandlers;

/** What the renderer sees on `window.companion`: task-level functions, never a raw channel. */
export type BridgeApi = {
  [K in MethodName]: (input: MethodInput<K>) => Promise<MethodOutput<K>>;
} & {
  on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void;
};

export const methodNames = Object.keys(bridgeMethods) as MethodName[];
export const eventNames = Object.keys(bridgeEvents) as EventName[];

export function isMethodName(name: unknown): name is MethodName {
  return typeof name === 'string' && Object.hasOwn(bridgeMethods, name);
}
export function isEventName(name: unknown): name is EventName {
  return typeof name === 'string' && Object.hasOwn(bridgeEvents, name);
}

// ---- the envelope every transport carries --------------------------------------------------

export const BridgeErrorCode = z.enum([
  'invalid-input', // the caller sent something the contract does not allow
  'unknown-method',
  'unavailable', // the accounts server cannot be reached
  'timeout',
  'rejected', // the accounts server answered with an error
  'invalid-response', // the accounts server answered something off-contract
  'forbidden', // the transport refused the caller
  'internal',
]);
export type BridgeErrorCode = z.infer<typeof BridgeErrorCode>;

export const BridgeFailure = z.object({
  code: BridgeErrorCode,
  /** English, for logs; the UI words the code (and a refusal) from the catalog. */
  message: z.string(),
  retryable: z.boolean(),
  /** Why core refused a payout or credit request, as data the UI words. */
  refusal: Refusal.optional(),
});
export type BridgeFailure = z.infer<typeof BridgeFailure>;

export const BridgeResult = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), value: z.unknown() }),
  z.object({ ok: z.literal(false), error: BridgeFailure }),
]);
export type BridgeResult = z.infer<typeof BridgeResult>;

export const BridgeEventMessage = z.object({ event: z.string(), payload: z.unknown() });
export type BridgeEventMessage = z.infer<typeof BridgeEventMessage>;

/** Thrown on the UI side of the bridge when a call fails; carries the failure as data. */
export class BridgeError extends Error {
  override name = 'BridgeError';
  readonly code: BridgeErrorCode;
  readonly retryable: boolean;
  readonly refusal: Refusal | undefined;
  constructor(failure: BridgeFailure) {
    super(failure.message);
    this.code = failure.code;
    this.retryable = failure.retryable;
    this.refusal = failure.refusal;
  }
}
