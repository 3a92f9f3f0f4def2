// Drives a sandbox's simulated world over its operator API (demo/test mode), as the integration
// tests, end-to-end tests and benchmarks of live updates need: register a referral of the demo
// partner, record purchases, and read the commission they earned.
import { accountsPaths, Catalog, ReferralInfo } from '../../shared/accounts-api.ts';

async function call<T>(url: URL, init: RequestInit & { json?: unknown } = {}): Promise<T> {
  const { json, ...rest } = init;
  const response = await fetch(url, {
    ...rest,
    ...(json === undefined
      ? {}
      : {
          method: rest.method ?? 'POST',
          body: JSON.stringify(json),
          headers: { 'content-type': 'application/json', ...rest.headers },
        }),
  });
  const text = await response.text();
  if (!response.ok)
    throw new Error(
      `${init.method ?? (json ? 'POST' : 'GET')} ${url} → HTTP ${response.status}: ${text.slice(0, 300)}`,
    );
  return JSON.parse(text) as T;
}

export interface Purchased {
  id: string;
  commission: { id: string; amountCents: number } | null;
}

export interface SandboxDriver {
  /** Registers a referral through the partner's code; returns the new account's id. */
  registerReferral(name?: string): Promise<string>;
  /** Records a purchase by `buyerId`; returns its id and the commission it earned (if any). */
  purchase(buyerId: string, sku?: string): Promise<Purchased>;
  /** The commission a purchase of `sku` earns at the current rate (from the catalog price). */
  catalog(): Promise<Catalog>;
}

/** `auth`: headers that identify the partner (sandboxAuthHeaders). */
export function sandboxDriver(accountsUrl: string, auth: Record<string, string>): SandboxDriver {
  let counter = 0;
  let code: Promise<string> | undefined;
  let items: Promise<Catalog> | undefined;
  const at = (path: string) => new URL(path.replace(/^\//u, ''), accountsUrl);
  const catalog = () => {
    items ??= call<unknown>(at(accountsPaths.catalog), { headers: auth }).then((body) => Catalog.parse(body));
    return items;
  };
  return {
    async registerReferral(name) {
      code ??= call<unknown>(at(accountsPaths.referral), { headers: auth }).then(
        (body) => ReferralInfo.parse(body).code,
      );
      counter += 1;
      const stamp = `${Date.now()}-${counter}-${Math.random().toString(36).slice(2, 8)}`;
      const account = await call<{ id: string }>(at('/operator/accounts'), {
        json: {
          email: `live-${stamp}@example.com`,
          displayName: name ?? `Live Test ${counter}`,
          referralCode: await code,
        },
      });
      return account.id;
    },
    async purchase(buyerId, sku) {
      const chosen = sku ?? (await catalog()).items.find((item) => item.term === '1m')?.sku;
      if (!chosen) throw new Error('The catalog has no monthly license.');
      const answer = await call<{
        purchase: { id: number | string };
        commission: { id: string; amountCents: number } | null;
      }>(at('/operator/purchases'), { json: { buyerId, sku: chosen } });
      return { id: String(answer.purchase.id), commission: answer.commission ?? null };
    },
    catalog,
  };
}
