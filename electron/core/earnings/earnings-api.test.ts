// The earnings endpoints pass what the UI asked for: the series in the user's time zone.
import { describe, expect, it } from 'vitest';
import { createAccountsClient } from '../accounts-client.ts';
import { createEarningsApi } from './earnings-api.ts';
import type { EarningsService } from './earnings-service.ts';
import { createEarningsHandlers } from './handlers.ts';

describe('the earnings series request', () => {
  it('sends the bucket and the UI’s time zone (tz) to the accounts server', async () => {
    const requests: string[] = [];
    const accounts = createAccountsClient({
      baseUrl: 'http://127.0.0.1:9/',
      retries: 0,
      fetch: async (input) => {
        requests.push(input instanceof Request ? input.url : String(input));
        return Response.json({ bucket: 'week', timeZone: 'Europe/Moscow', points: [] });
      },
    });
    const handlers = createEarningsHandlers({} as EarningsService, createEarningsApi(accounts));
    const answer = await handlers.getEarningsSeries({ bucket: 'week', timeZone: 'Europe/Moscow' });
    expect(answer.timeZone).toBe('Europe/Moscow');
    expect(requests).toEqual(['http://127.0.0.1:9/api/v1/earnings-series?bucket=week&tz=Europe%2FMoscow']);
  });
});
