// Bridge methods and events of Settings → About: updates (Electron only), diagnostics for support,
// and the logs folder. Spread into bridgeMethods / bridgeEvents in ../bridge.ts.
import { z } from 'zod';
import { IsoDateTime } from '../accounts-api.ts';
import type { MethodSpec } from '../bridge.ts';
import { CompanionMode, UiLanguage } from '../settings.ts';
import { LiveStatus } from './live.ts';

const NoInput = z.object({}).strict();

export const UpdateStatus = z
  .object({
    /**
     * unsupported: this shell has no updater (browser shell, a development run) · off: the user
     * switched checks off · idle: up to date, or waiting for the next daily check · checking ·
     * downloading (in the background) · ready: downloaded, installed on restart or quit.
     */
    state: z.enum(['unsupported', 'off', 'idle', 'checking', 'downloading', 'ready']),
    /** The version being downloaded or ready. */
    version: z.string().max(100).nullable(),
    /** The last check: when, and whether it reached the update server (a failure is only logged). */
    lastCheck: z.object({ at: IsoDateTime, ok: z.boolean() }).strict().nullable(),
    /** Show "Update ready — restart now / later" now: never while trading, paused or in quiet hours. */
    notice: z.boolean(),
  })
  .strict();
export type UpdateStatus = z.infer<typeof UpdateStatus>;

/** The most log lines a diagnostics report carries. */
export const DIAGNOSTICS_LOG_LINES = 200;

export const Diagnostics = z
  .object({
    version: z.string(),
    shell: z.enum(['electron', 'browser']),
    /** 'unchosen': the welcome screen has not been answered yet. */
    mode: z.union([CompanionMode, z.literal('unchosen')]),
    /** The accounts server's host in server mode (never its path or query); null otherwise. */
    host: z.string().nullable(),
    os: z.string(),
    language: z.object({ setting: UiLanguage, system: z.string() }).strict(),
    connection: LiveStatus.shape.connection,
    /** When the dashboard's data was last fetched from the accounts server. */
    lastSync: IsoDateTime.nullable(),
    /** Payout and credit requests kept in the outbox, not yet acknowledged by the server. */
    pendingRequests: z.number().int().nonnegative(),
    update: UpdateStatus,
    /** Where the log files are (null when this run writes no log file). */
    logsDir: z.string().nullable(),
    /** The last lines of the log, oldest first, scrubbed of secrets and personal data. */
    logLines: z.array(z.string()).max(DIAGNOSTICS_LOG_LINES),
    /** All of the above as plain text for a support chat (scrubbed, the home folder as ~). */
    text: z.string(),
  })
  .strict();
export type Diagnostics = z.infer<typeof Diagnostics>;

export const aboutMethods = {
  getDiagnostics: { side: 'core', input: NoInput, output: Diagnostics },
  getUpdateStatus: { side: 'core', input: NoInput, output: UpdateStatus },
  /** "Restart now" on the update notice: quits, installs and starts again (only when ready). */
  restartToUpdate: { side: 'core', input: NoInput, output: z.object({ restarting: z.boolean() }).strict() },
  /** "Later": the notice hides for a day; the update still installs when the companion quits. */
  postponeUpdate: { side: 'core', input: NoInput, output: UpdateStatus },
  /** Opens the logs folder in the file manager (Electron); the browser shell cannot: opened false. */
  openLogsFolder: { side: 'shell', input: NoInput, output: z.object({ opened: z.boolean() }).strict() },
} as const satisfies Record<string, MethodSpec>;

export const aboutEvents = {
  updateStatusChanged: UpdateStatus,
} as const satisfies Record<string, z.ZodType>;
