// The pre-rendering entry the shells load (built with `vite build --ssr` into out/renderer-server):
// the app's own tree rendered to HTML from the first paint's state, so the page shows the user's
// figures before its script has loaded. Effects do not run here, so nothing calls the bridge; the
// bridge below only answers that it is not there, should anything try.
import { renderToString } from 'react-dom/server';
import type { BridgeApi } from '../../../shared/bridge.ts';
import type { FirstPaint } from '../../../shared/first-paint.ts';
import { CompanionRoot } from '../CompanionRoot.tsx';
import { createI18n, resolveLocale } from '../i18n/i18n.ts';
import { seedFirstPaint } from '../shell/bridge-context.tsx';
import { PreRenderingProvider } from './LoadedLater.tsx';

export interface RenderedFirstPaint {
  /** The markup of the app, for the page's root element. */
  html: string;
  /** The UI language it was rendered in (for <html lang>). */
  lang: string;
}

export function renderFirstPaint(state: FirstPaint): RenderedFirstPaint {
  const bridge = noBridge();
  seedFirstPaint(bridge, state);
  const lang = resolveLocale(state.settings.ui.language, state.systemLanguages);
  const html = renderToString(
    <PreRenderingProvider>
      <CompanionRoot bridge={bridge} i18n={createI18n(lang)} />
    </PreRenderingProvider>,
  );
  return { html, lang };
}

function noBridge(): BridgeApi {
  const refuse = (name: PropertyKey) => () =>
    Promise.reject(new Error(`Pre-rendering has no bridge (${String(name)} was called).`));
  return new Proxy({} as BridgeApi, {
    get: (_target, name) => (name === 'on' ? () => () => {} : refuse(name)),
  });
}
