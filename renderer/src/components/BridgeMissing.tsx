import { strings } from '../strings.ts';

/** Shown instead of the app when no shell installed window.companion (e.g. the page opened directly). */
export function BridgeMissing() {
  return (
    <div className="app">
      <header className="app-header">
        <h1>{strings.appTitle}</h1>
      </header>
      <main>
        <div className="card error" role="alert" data-testid="error-message">
          <p className="error-title">{strings.bridgeMissing}</p>
        </div>
      </main>
    </div>
  );
}
