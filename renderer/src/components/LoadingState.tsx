import { strings } from '../strings.ts';

export function LoadingState() {
  return (
    <div className="card loading" data-testid="loading" role="status" aria-busy="true">
      <span className="spinner" aria-hidden="true" />
      <span>{strings.loading}</span>
    </div>
  );
}
