// The earnings endpoints pass what the UI asked for: the series in the user's time zone.
import { describe, expect, it } from 'vitest';
import { accountsPaths } from '../../../shared/accounts-api.ts';
import type { AccountsClient } from '../accounts-client.ts';
import { createEarningsApi } from './earnings-api.ts';
import type { EarningsService } from './earnings-service.ts';
import { createEarningsHandlers } from './handlers.ts';

describe('the earnings series request', () => {
  it('sends the bucket and the UI’s time zone (tz) to the accounts server', async () => {
    const requests: Array<{ path: string; searchParams: unknown }> = [];
    const accounts: Pick<AccountsClient, 'request'> = {
      request: (async (path: string, _schema: unknown, options?: { searchParams?: unknown }) => {
        requests.push({ path, searchParams: options?.searchParams });
        return { bucket: 'week', timeZone: 'Europe/Moscow', points: [] };
      }) as AccountsClient['request'],
    };
    const handlers = createEarningsHandlers({} as EarningsService, createEarningsApi(accounts));
    const answer = await handlers.getEarningsSeries({ bucket: 'week', timeZone: 'Europe/Moscow' });
    expect(answer.timeZone).toBe('Europe/Moscow');
    expect(requests).toEqual([
      { path: accountsPaths.earningsSeries, searchParams: { bucket: 'week', tz: 'Europe/Moscow' } },
    ]);
  });
});
