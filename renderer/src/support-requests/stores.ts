// The journal of requests sent to support, as core serves and announces it (one store per bridge).
import type { SupportJournalView } from '../../../shared/bridge/support-journal.ts';
import { createViewStore } from '../payouts/view-store.ts';
import { featureStore } from '../shell/bridge-context.tsx';

const focusTarget = typeof window === 'undefined' ? undefined : window;

export const supportJournalStore = featureStore((bridge) =>
  createViewStore<SupportJournalView>({
    load: () => bridge.getSupportJournal({}),
    subscribe: (listener) => bridge.on('supportJournalChanged', listener),
    focusTarget,
  }),
);
