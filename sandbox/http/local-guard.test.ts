import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningSandbox, startSandbox } from '../server.ts';

let sandbox: RunningSandbox;
let port: number;

beforeAll(async () => {
  sandbox = await startSandbox({ mode: 'demo' });
  port = Number(new URL(sandbox.url).port);
});
afterAll(async () => {
  await sandbox.close();
});

/** A raw request, so Host and Origin can be anything a hostile page could make a browser send. */
function send(path: string, headers: Record<string, string>, method = 'GET', body?: string) {
  return new Promise<{ status: number; body: string }>((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, method, headers }, (res) => {
      let text = '';
      res.on('data', (chunk: Buffer) => {
        text += chunk.toString();
      });
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

describe('the sandbox answers only this machine, and no other web page', () => {
  it('accepts its loopback names', async () => {
    for (const host of [`127.0.0.1:${port}`, `localhost:${port}`, `[::1]:${port}`]) {
      expect((await send('/', { host })).status).toBe(200);
    }
  });

  it('refuses another Host name (DNS rebinding)', async () => {
    for (const host of [
      `evil.example:${port}`,
      '127.0.0.1',
      `127.0.0.1:${port + 1}`,
      `localhost.evil.example:${port}`,
    ]) {
      const answer = await send('/', { host });
      expect(answer.status).toBe(421);
      expect(JSON.parse(answer.body)).toMatchObject({ error: 'misdirected_request' });
    }
  });

  it('refuses requests from other origins, including simple cross-site POSTs to the operator API', async () => {
    const host = `127.0.0.1:${port}`;
    // A "simple" request a hostile page can send without a preflight: text/plain, no credentials.
    const register = (origin: string | undefined, email: string) =>
      send(
        '/operator/accounts',
        { host, 'content-type': 'text/plain', ...(origin ? { origin } : {}) },
        'POST',
        JSON.stringify({ email, displayName: 'Someone' }),
      );
    for (const origin of ['https://evil.example', 'null', `http://127.0.0.1:${port + 1}`]) {
      const answer = await register(origin, `victim-${origin.length}@example.com`);
      expect(answer.status).toBe(403);
      expect(JSON.parse(answer.body)).toMatchObject({ error: 'foreign_origin' });
    }
    // What Chromium says of a sandboxed iframe or another port's page, whatever the Origin.
    for (const site of ['cross-site', 'same-site']) {
      const answer = await send(
        '/operator/accounts',
        { host, origin: 'null', 'sec-fetch-site': site, 'content-type': 'text/plain' },
        'POST',
        JSON.stringify({ email: `${site}@example.com`, displayName: 'Someone' }),
      );
      expect(answer.status).toBe(403);
    }
    // The same request from a non-browser client (no Origin) reaches the operator API: the guard, not
    // a missing route, is what refused the others.
    expect((await register(undefined, 'tool@example.com')).status).toBe(201);
  });

  it('lets its own pages (the sign-in form) and non-browser clients through', async () => {
    const host = `127.0.0.1:${port}`;
    expect(
      (await send('/.well-known/oauth-authorization-server', { host, origin: `http://127.0.0.1:${port}` }))
        .status,
    ).toBe(200);
    expect((await send('/.well-known/oauth-authorization-server', { host })).status).toBe(200);
    // The sign-in form is served with no-referrer, so Chromium posts it with Origin: null, same-origin.
    const form = await send('/.well-known/oauth-authorization-server', {
      host,
      origin: 'null',
      'sec-fetch-site': 'same-origin',
    });
    expect(form.status).toBe(200);
    // A link or window.open from another local page (the browser shell opening the sign-in page).
    const navigation = await send('/.well-known/oauth-authorization-server', {
      host,
      'sec-fetch-site': 'same-site',
    });
    expect(navigation.status).toBe(200);
  });
});
