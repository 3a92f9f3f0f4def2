import { useEffect } from 'react';
import { DemoBadge } from './components/DemoBadge.tsx';
import { ErrorState } from './components/ErrorState.tsx';
import { LoadingState } from './components/LoadingState.tsx';
import { ReferralCard } from './components/ReferralCard.tsx';
import { SharePanel } from './share/SharePanel.tsx';
import { useCompanion } from './store/store-context.tsx';
import { strings } from './strings.ts';

export function App() {
  const start = useCompanion((state) => state.start);
  useEffect(() => start(), [start]);
  return (
    <div className="app">
      <header className="app-header">
        <h1>{strings.appTitle}</h1>
        <DemoBadge />
      </header>
      <main>
        <ReferralPanel />
      </main>
    </div>
  );
}

function ReferralPanel() {
  const referral = useCompanion((state) => state.referral);
  const retry = useCompanion((state) => state.retry);
  switch (referral.status) {
    case 'idle':
    case 'loading':
      return <LoadingState />;
    case 'error':
      return <ErrorState error={referral.error} onRetry={() => void retry()} />;
    case 'ready':
      return (
        <>
          <ReferralCard referral={referral.referral} />
          <SharePanel referral={referral.referral} />
        </>
      );
  }
}
