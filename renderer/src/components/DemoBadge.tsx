import { useCompanion } from '../store/store-context.tsx';
import { strings } from '../strings.ts';

export function DemoBadge() {
  const demo = useCompanion((state) => state.appInfo?.mode === 'demo');
  if (!demo) return null;
  return (
    <span className="badge" data-testid="demo-badge" title={strings.demoBadgeHint}>
      {strings.demoBadge}
    </span>
  );
}
