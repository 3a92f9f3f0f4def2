import { createHash } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { FirstPaint } from '../../../shared/first-paint.ts';
import { DEFAULT_SETTINGS } from '../../../shared/settings.ts';
import { contentSecurityPolicy } from '../content-security-policy.ts';
import {
  type FirstPaintRenderer,
  IndexPageError,
  loadFirstPaintRenderer,
  loadIndexPage,
  prepareIndexPage,
} from './index-page.ts';

const CSS = 'body { color: #eee; }\n.card::after { content: "a > b"; }';
const HASH = `sha256-${createHash('sha256').update(CSS).digest('base64')}`;
const HTML = `<!doctype html>
<html lang="en">
  <head>
    <meta
      http-equiv="Content-Security-Policy"
      content="default-src 'none'; style-src 'self'"
    />
    <script type="module" crossorigin src="./assets/index-abc.js"></script>
    <link rel="stylesheet" crossorigin href="./assets/style-abc.css">
  </head>
  <body>
    <div id="root"></div>
  </body>
</html>`;

const readAsset = async (path: string) => {
  if (path !== './assets/style-abc.css') throw new Error(`unexpected asset ${path}`);
  return CSS;
};

const state: FirstPaint = {
  appInfo: { version: '1.0.0', mode: 'demo', accountsUrl: 'http://127.0.0.1:4000/', shell: 'browser' },
  session: { state: 'signed-in', email: 'trader@example.com', storage: 'keychain' },
  settings: {
    ...DEFAULT_SETTINGS,
    ui: { language: 'system', theme: 'dark', section: 'earnings' },
    // A share message is the user's own text: nothing in it may end the JSON's element.
    share: { messages: { en: 'Join </script><script>alert(1)</script> {link} & <!-- ok', ru: null } },
  },
  earnings: null,
  referral: null,
  systemLanguages: ['ru-RU', 'en'],
};

const echoRenderer: FirstPaintRenderer = (s) => ({
  html: `<main data-testid="pre">${s.session.email}</main>`,
  lang: 'ru',
});

function embeddedState(html: string): unknown {
  const match = /<script type="application\/json" id="first-paint">([^<]*)<\/script>/u.exec(html);
  if (!match?.[1]) throw new Error('no embedded state');
  return JSON.parse(match[1]);
}

describe('the index page', () => {
  it('inlines the stylesheet and allows exactly it by hash, in the header and the meta policy', async () => {
    const page = await prepareIndexPage({ html: HTML, readAsset });
    const { html, headers } = page.render(null);
    expect(html).not.toContain('rel="stylesheet"');
    expect(html).toContain(`<style>${CSS}</style>`);
    expect(headers['content-security-policy']).toBe(contentSecurityPolicy({ styleHashes: [HASH] }));
    expect(headers['content-security-policy']).toContain(`style-src 'self' '${HASH}'`);
    expect(headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(html).toContain(`content="${contentSecurityPolicy({ styleHashes: [HASH], forMeta: true })}"`);
    expect(html).not.toContain('frame-ancestors');
    // Without a state (or a renderer) the root stays empty and nothing is embedded.
    expect(html).toContain('<div id="root"></div>');
    expect(html).not.toContain('application/json');
  });

  it('pre-renders the state into an inert root, embeds the state safely, and sets lang and theme', async () => {
    const page = await prepareIndexPage({ html: HTML, readAsset, renderer: echoRenderer });
    const { html } = page.render(state);
    expect(html).toContain('<div id="root" inert><main data-testid="pre">trader@example.com</main></div>');
    expect(html).toMatch(/<html lang="ru" data-theme="dark"/u);
    // The user's text cannot close the element: one </script> per script element, no more.
    expect(html.match(/<\/script>/gu)).toHaveLength(2);
    expect(html).not.toContain('<!--');
    expect(embeddedState(html)).toEqual(state);
  });

  it('serves the plain page, and says why, when the state is invalid or the renderer fails', async () => {
    const log = vi.fn();
    const failing: FirstPaintRenderer = () => {
      throw new Error('render exploded');
    };
    const page = await prepareIndexPage({ html: HTML, readAsset, renderer: failing, log });
    expect(page.render(state).html).toContain('<div id="root"></div>');
    expect(log).toHaveBeenLastCalledWith(expect.stringContaining('render exploded'));

    const rendering = await prepareIndexPage({ html: HTML, readAsset, renderer: echoRenderer, log });
    const broken = { ...state, session: { state: 'hacked' } } as unknown as FirstPaint;
    const plain = rendering.render(broken).html;
    expect(plain).toContain('<div id="root"></div>');
    expect(plain).not.toContain('application/json');
    expect(log).toHaveBeenLastCalledWith(expect.stringContaining('without pre-rendering'));
  });

  it('refuses a build it cannot serve safely', async () => {
    await expect(prepareIndexPage({ html: '<html><body></body></html>', readAsset })).rejects.toThrow(
      IndexPageError,
    );
    await expect(
      prepareIndexPage({ html: HTML, readAsset: async () => 'a { } </style><script>x</script>' }),
    ).rejects.toThrow(/cannot be inlined/u);
  });
});

describe('loading from a build directory', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'index-page-'));
    await writeFile(join(dir, 'index.html'), HTML);
    await writeFile(join(dir, 'style-abc.css'), CSS);
    await writeFile(
      join(dir, 'render.mjs'),
      'export function renderFirstPaint(s) { return { html: "<p>" + s.session.state + "</p>", lang: "en" }; }',
    );
    await writeFile(join(dir, 'wrong.mjs'), 'export const nothing = 1;');
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('reads the page, its stylesheet and the pre-rendering module', async () => {
    // The asset URL is relative to the page: ./assets/… → <dir>/assets/…; here the build is flat.
    await writeFile(join(dir, 'index.html'), HTML.replace('./assets/style-abc.css', './style-abc.css'));
    const page = await loadIndexPage({ rendererDir: dir, firstPaintModule: join(dir, 'render.mjs') });
    const { html } = page.render(state);
    expect(html).toContain(`<style>${CSS}</style>`);
    expect(html).toContain('<div id="root" inert><p>signed-in</p></div>');
  });

  it('names the command that builds a missing bundle, and works without a pre-rendering module', async () => {
    await expect(loadIndexPage({ rendererDir: join(dir, 'nope'), firstPaintModule: null })).rejects.toThrow(
      /npm run build:renderer/u,
    );
    const log = vi.fn();
    expect(await loadFirstPaintRenderer(join(dir, 'missing.mjs'), log)).toBeNull();
    expect(log).toHaveBeenCalledWith(expect.stringContaining('npm run build:renderer'));
    expect(await loadFirstPaintRenderer(join(dir, 'wrong.mjs'), log)).toBeNull();
    expect(log).toHaveBeenLastCalledWith(expect.stringContaining('does not export renderFirstPaint'));
  });

  it('never reads outside the build for an asset URL', async () => {
    await writeFile(join(dir, 'index.html'), HTML.replace('./assets/style-abc.css', '../secret.css'));
    await expect(loadIndexPage({ rendererDir: dir, firstPaintModule: null })).rejects.toThrow(
      /Not an asset path/u,
    );
  });
});
