import { StrictMode, useLayoutEffect } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';

import { installedBridge } from './bridge.ts';
import { CompanionRoot } from './CompanionRoot.tsx';
import { BridgeMissing } from './components/BridgeMissing.tsx';
import { readFirstPaint } from './first-paint/read-first-paint.ts';
import { createI18n, resolveLocale, systemLanguages } from './i18n/i18n.ts';
import { seedFirstPaint } from './shell/bridge-context.tsx';

const root = document.getElementById('root');
if (!root) throw new Error('The page has no #root element.');

// The shell pre-rendered the page from this state (docs/first-paint.md): the stores start from
// it, so the first render draws what is already on screen and replaces it without a flash.
const firstPaint = readFirstPaint(document);
const bridge = installedBridge();
if (bridge && firstPaint) seedFirstPaint(bridge, firstPaint);
// The settings' language (or the system's: the OS's in Electron, the page's in a browser) until the
// settings answer.
const i18n = createI18n(
  resolveLocale(firstPaint?.settings.ui.language ?? 'system', systemLanguages(firstPaint ?? undefined)),
);

/** The pre-rendered markup is inert (no handlers yet); the app's own, once committed, is not. */
function TakeOver() {
  useLayoutEffect(() => root?.removeAttribute('inert'), []);
  return null;
}

createRoot(root).render(
  <StrictMode>
    <TakeOver />
    {bridge ? (
      <CompanionRoot bridge={bridge} i18n={i18n} />
    ) : (
      <I18nextProvider i18n={i18n}>
        <BridgeMissing />
      </I18nextProvider>
    )}
  </StrictMode>,
);
