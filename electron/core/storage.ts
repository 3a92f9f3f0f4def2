// Every local state file of the companion, opened from one data directory (Electron's userData,
// the browser shell's --data-dir): both shells call this, so a new file is added in one place.
// Each is schema-validated on load and set aside, never crashed on, when damaged
// (validated-json-file.ts). Tokens are never in these files.
import { openEarningsCacheFile } from './earnings/snapshot-cache.ts';
import { openNotificationStateFile } from './notifications/state.ts';
import { openRequestsFile } from './payouts/requests-file.ts';
import { openReferralCacheFile } from './referral-cache.ts';
import { openSettingsFile } from './settings/settings-storage.ts';
import { openSupportJournalFile } from './support-journal/journal.ts';

/** `log(file)`: where the file named so logs (a damaged file set aside, a failed write). */
export function openCompanionStorage(
  dataDir: string,
  options: { log?: (file: string) => (message: string) => void } = {},
) {
  const at = (file: string) => ({ cwd: dataDir, ...(options.log ? { log: options.log(file) } : {}) });
  return {
    settings: openSettingsFile(at('settings')),
    // What was notified and where the event stream stopped, so a restart tells nothing twice.
    notificationState: openNotificationStateFile(at('notifications')),
    /** The request outbox: payouts and credits filed but not yet acknowledged. */
    requests: openRequestsFile(at('requests')),
    earningsCache: openEarningsCacheFile(at('earnings-cache')),
    referralCache: openReferralCacheFile(at('referral-cache')),
    supportJournal: openSupportJournalFile(at('support-journal')),
  };
}
export type CompanionStorage = ReturnType<typeof openCompanionStorage>;
