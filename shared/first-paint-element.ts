// How the first paint's state travels in the page: a JSON script element (data, not code, so the
// CSP's script-src does not apply). No zod here: the renderer bundle imports this module.
import type { FirstPaint } from './first-paint.ts';

export const FIRST_PAINT_ELEMENT_ID = 'first-paint';

/** The pre-rendering module's file name in the build (out/renderer-server/). */
export const FIRST_PAINT_MODULE = 'render-first-paint.js';

/** The element's text: JSON in which nothing can end the element or start markup. */
export function firstPaintJson(state: FirstPaint): string {
  return JSON.stringify(state)
    .replace(/</gu, '\\u003c')
    .replace(/>/gu, '\\u003e')
    .replace(/&/gu, '\\u0026')
    .replace(/\u2028/gu, '\\u2028')
    .replace(/\u2029/gu, '\\u2029');
}
