// The badge tone of a payout, credit or outbox state: done is success, refused is danger, still
// on its way is warning, withdrawn is neutral. The word beside it always says which.
import type { Tone } from '../ui/Badge.tsx';

const TONES: Record<string, Tone> = {
  paid: 'success',
  applied: 'success',
  rejected: 'danger',
  failed: 'danger',
  requested: 'warning',
  processing: 'warning',
  'awaiting-payment': 'warning',
  sending: 'warning',
  cancelled: 'neutral',
};

export const statusTone = (status: string): Tone => TONES[status] ?? 'neutral';
