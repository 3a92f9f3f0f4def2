import { afterEach, describe, expect, it } from 'vitest';
import { type LoopbackReceiver, ReceiverClosedError, startLoopbackReceiver } from './loopback-receiver.ts';

const open: LoopbackReceiver[] = [];
async function start(state = 'the-state'): Promise<LoopbackReceiver> {
  const receiver = await startLoopbackReceiver({ state });
  open.push(receiver);
  return receiver;
}
afterEach(async () => {
  await Promise.all(open.splice(0).map((r) => r.close()));
});

describe('loopback receiver', () => {
  it('listens on 127.0.0.1 on a free port with the fixed callback path', async () => {
    const receiver = await start();
    expect(receiver.redirectUri).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/callback$/u);
  });

  it('refuses a wrong or missing state and keeps waiting for the right one', async () => {
    const receiver = await start();
    let settled = false;
    void receiver.callback.then(() => {
      settled = true;
    });
    const wrong = await fetch(`${receiver.redirectUri}?code=stolen&state=other`);
    expect(wrong.status).toBe(400);
    expect(await wrong.text()).toMatch(/another sign-in attempt/u);
    expect((await fetch(`${receiver.redirectUri}?code=x`)).status).toBe(400);
    expect((await fetch(`${receiver.redirectUri}?code=x&state=the-state&state=the-state`)).status).toBe(400);
    expect(settled).toBe(false);

    const answer = fetch(`${receiver.redirectUri}?code=good&state=the-state&iss=http%3A%2F%2Fas`, {
      redirect: 'manual',
    });
    const received = await receiver.callback;
    expect(received.params).toEqual({
      code: 'good',
      error: undefined,
      errorDescription: undefined,
      iss: 'http://as',
    });
    received.finish('signed-in');
    const response = await answer;
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe('/done?outcome=signed-in');
  });

  it('sends the browser to a closing page without the code, then stops listening', async () => {
    const receiver = await start();
    const answer = fetch(`${receiver.redirectUri}?code=secret-code&state=the-state`);
    (await receiver.callback).finish('signed-in');
    const page = await answer;
    expect(page.url).not.toContain('secret-code');
    expect(page.url).toMatch(/\/done\?outcome=signed-in$/u);
    const html = await page.text();
    expect(html).toContain('You are signed in');
    expect(html).toContain('close this tab');
    await new Promise((resolve) => setTimeout(resolve, 50));
    await expect(fetch(receiver.redirectUri)).rejects.toThrow();
  });

  it('passes an error answer on, and a second answer is refused', async () => {
    const receiver = await start();
    const first = fetch(`${receiver.redirectUri}?error=access_denied&state=the-state`, {
      redirect: 'manual',
    });
    const received = await receiver.callback;
    expect(received.params.error).toBe('access_denied');
    const second = await fetch(`${receiver.redirectUri}?code=late&state=the-state`);
    expect(second.status).toBe(400);
    received.finish('denied');
    expect((await first).headers.get('location')).toBe('/done?outcome=denied');
  });

  it('rejects the pending callback when closed', async () => {
    const receiver = await start();
    await receiver.close();
    await expect(receiver.callback).rejects.toBeInstanceOf(ReceiverClosedError);
    await expect(fetch(receiver.redirectUri)).rejects.toThrow();
  });
});
