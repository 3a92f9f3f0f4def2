// Settings → About's diagnostics: what support needs to know about this run, as data for the UI
// and as plain text for a support chat. Everything in it is scrubbed (redact.ts), the accounts
// server is named by its host only, and the home folder is written as ~.
import { homedir } from 'node:os';
import { DIAGNOSTICS_LOG_LINES, type Diagnostics } from '../../shared/bridge/about.ts';
import { redactText } from './logging/redact.ts';

/** Where the log is and how to read its end (file-logger.ts); absent when no file is written. */
export interface LogSource {
  readonly dir: string;
  tail(count: number): Promise<string[]>;
}

export type DiagnosticsFacts = Omit<Diagnostics, 'logLines' | 'text' | 'logsDir'>;

export async function collectDiagnostics(
  facts: DiagnosticsFacts,
  logs: LogSource | undefined,
  home: string = homedir(),
): Promise<Diagnostics> {
  const lines = logs ? await logs.tail(DIAGNOSTICS_LOG_LINES).catch(() => []) : [];
  const logLines = lines.slice(-DIAGNOSTICS_LOG_LINES).map((line) => withHome(redactText(line), home));
  const logsDir = logs ? logs.dir : null;
  const diagnostics = { ...facts, logsDir, logLines };
  return { ...diagnostics, text: formatDiagnostics(diagnostics, home) };
}

/** Plain text for a support chat: fixed English keys (support reads them), one fact a line, then the log. */
export function formatDiagnostics(d: Omit<Diagnostics, 'text'>, home: string): string {
  const facts: [string, string][] = [
    ['version', d.version],
    ['shell', d.shell],
    ['mode', d.host ? `${d.mode} (${d.host})` : d.mode],
    ['os', d.os],
    ['language', `${d.language.setting} (system: ${d.language.system})`],
    ['connection', d.connection],
    ['last sync', d.lastSync ?? 'never'],
    ['pending requests', String(d.pendingRequests)],
    [
      'updates',
      [
        d.update.state,
        d.update.version ? `version ${d.update.version}` : '',
        d.update.lastCheck
          ? `last check ${d.update.lastCheck.at} ${d.update.lastCheck.ok ? 'ok' : 'failed'}`
          : '',
      ]
        .filter(Boolean)
        .join(', '),
    ],
    ['logs', d.logsDir ? withHome(d.logsDir, home) : 'none'],
  ];
  const header = facts.map(([key, value]) => `${key}: ${redactText(value)}`).join('\n');
  const log = d.logLines.length > 0 ? d.logLines.join('\n') : '(empty)';
  return `Referral Companion for Quantower — diagnostics\n${header}\n\nlast ${d.logLines.length} log lines:\n${log}\n`;
}

function withHome(text: string, home: string): string {
  return home.length > 1 ? text.split(home).join('~') : text;
}
