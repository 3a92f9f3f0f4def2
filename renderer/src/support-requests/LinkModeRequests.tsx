// What the Payouts and Licenses sections show in "my link" mode (no accounts API): requests go
// to Quantower Support, written by the companion, and are followed in the local journal.
import type { SupportRequestKind } from '../../../shared/support-request.ts';
import { SupportRequestsPanel } from './SupportRequestsPanel.tsx';

export function LinkModeRequests({ kind }: { kind: SupportRequestKind }) {
  return <SupportRequestsPanel kind={kind} />;
}
