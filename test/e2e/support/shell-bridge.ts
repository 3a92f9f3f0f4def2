// The bridge of a running browser shell, called from the test process (no page): what the fixtures
// use to sign a shared shell in once and to put back the settings a test changed. It goes through
// the same door as the page: the run's secret traded for the session cookie, then POST
// /bridge/call/<method> with the shell's own Origin and a JSON body.
import { expect } from '@playwright/test';
import type { MethodInput, MethodName, MethodOutput } from '../../../shared/bridge.ts';
import { signInThroughBrowser } from '../../support/sandbox-sign-in.ts';
import type { RunningShell } from './processes.ts';

export interface ShellBridge {
  call<K extends MethodName>(method: K, input?: MethodInput<K>): Promise<MethodOutput<K>>;
}

export async function shellBridge(shell: Pick<RunningShell, 'url' | 'origin'>): Promise<ShellBridge> {
  const opened = await fetch(shell.url, { redirect: 'manual' });
  await opened.body?.cancel();
  const cookie = opened.headers
    .getSetCookie()
    .map((line) => line.split(';')[0])
    .join('; ');
  if (!cookie) throw new Error(`The shell at ${shell.origin} set no session cookie (HTTP ${opened.status}).`);
  return {
    async call(method, input) {
      const response = await fetch(`${shell.origin}/bridge/call/${method}`, {
        method: 'POST',
        headers: { cookie, origin: shell.origin, 'content-type': 'application/json' },
        body: JSON.stringify(input ?? {}),
      });
      const result = (await response.json()) as
        | { ok: true; value: unknown }
        | { ok: false; error: { code: string; message: string } };
      if (!result.ok) throw new Error(`${method}: ${result.error.code}: ${result.error.message}`);
      return result.value as MethodOutput<typeof method>;
    },
  };
}

/**
 * Signs the shell's core in as the demo partner (or `options`' account): the sign-in it starts, the
 * sandbox's form submitted without a browser, the redirect delivered to the shell's loopback
 * listener. Resolves once core says signed in. For specs that are not about signing in.
 */
export async function signInCore(
  shell: Pick<RunningShell, 'url' | 'origin'>,
  options: Parameters<typeof signInThroughBrowser>[1] = {},
): Promise<void> {
  const bridge = await shellBridge(shell);
  const started = await bridge.call('signIn', {});
  if (started.state === 'signing-in') {
    const answer = await signInThroughBrowser(started.authorizeUrl ?? '', options);
    await answer.body?.cancel();
  }
  await expect.poll(async () => (await bridge.call('getSession', {})).state).toBe('signed-in');
}
