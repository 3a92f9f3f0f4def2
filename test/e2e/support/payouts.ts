// What the payout and license e2e tests share: the sandbox's own answers (read with a token the
// test obtains itself) and operator controls.
import { expect } from '@playwright/test';
import {
  accountsPaths,
  CreditPage,
  Licenses,
  type Payout,
  PayoutPage,
  Profile,
} from '../../../shared/accounts-api.ts';
import { sandboxAuthHeaders } from '../../support/sandbox-sign-in.ts';

export interface Sandbox {
  partnerId(): Promise<string>;
  payouts(): Promise<Payout[]>;
  credits(): Promise<CreditPage['items']>;
  licenses(): Promise<Licenses['items']>;
  /** POST to the partner API with the test's own token (e.g. a payout filed elsewhere). */
  post(path: string, json: unknown, headers?: Record<string, string>): Promise<Response>;
  operator(path: string, json: unknown): Promise<unknown>;
}

export async function sandboxOf(accountsUrl: string): Promise<Sandbox> {
  const auth = await sandboxAuthHeaders(accountsUrl);
  const at = (path: string) => new URL(path.replace(/^\//u, ''), accountsUrl);
  const get = async (path: string) => {
    const response = await fetch(at(path), { headers: auth });
    expect(response.status, `GET ${path}`).toBe(200);
    return response.json();
  };
  return {
    partnerId: async () => Profile.parse(await get(accountsPaths.profile)).partnerId,
    payouts: async () => PayoutPage.parse(await get(`${accountsPaths.payouts}?limit=500`)).items,
    credits: async () => CreditPage.parse(await get(`${accountsPaths.credits}?limit=500`)).items,
    licenses: async () => Licenses.parse(await get(accountsPaths.licenses)).items,
    post: (path, json, headers = {}) =>
      fetch(at(path), {
        method: 'POST',
        headers: { ...auth, 'content-type': 'application/json', ...headers },
        body: JSON.stringify(json),
      }),
    async operator(path, json) {
      const response = await fetch(at(`operator/${path}`), {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(json),
      });
      const text = await response.text();
      if (!response.ok) throw new Error(`operator/${path} → HTTP ${response.status}: ${text}`);
      return JSON.parse(text) as unknown;
    },
  };
}
