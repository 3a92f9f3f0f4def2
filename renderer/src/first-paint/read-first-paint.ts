// Reads the state the shell pre-rendered the page with (shared/first-paint.ts). The shell
// validated it before embedding it; this only refuses what is plainly not that state (a page
// without it, damaged JSON), in which case the app starts empty and asks the bridge, as before.

import type { FirstPaint } from '../../../shared/first-paint.ts';
import { FIRST_PAINT_ELEMENT_ID } from '../../../shared/first-paint-element.ts';

export function readFirstPaint(doc: Document): FirstPaint | null {
  const text = doc.getElementById(FIRST_PAINT_ELEMENT_ID)?.textContent;
  if (!text) return null;
  try {
    const value: unknown = JSON.parse(text);
    return isFirstPaint(value) ? value : null;
  } catch {
    return null;
  }
}

function isFirstPaint(value: unknown): value is FirstPaint {
  if (typeof value !== 'object' || value === null) return false;
  const state = value as Record<string, unknown>;
  const settings = state.settings as { ui?: unknown } | undefined;
  return (
    typeof state.session === 'object' &&
    state.session !== null &&
    typeof state.appInfo === 'object' &&
    state.appInfo !== null &&
    typeof settings?.ui === 'object' &&
    settings.ui !== null &&
    (state.earnings === null || typeof state.earnings === 'object') &&
    Array.isArray(state.systemLanguages)
  );
}
