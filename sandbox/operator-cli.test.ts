import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEMO_PARTNER } from './db/seed.ts';
import { runOperatorCommand } from './operator-cli.ts';
import { type RunningSandbox, startSandbox } from './server.ts';

let sandbox: RunningSandbox;
beforeEach(async () => {
  sandbox = await startSandbox({ mode: 'test' });
});
afterEach(async () => {
  await sandbox.close();
});

async function run(name: string, args: string[]): Promise<{ code: number; body: Record<string, unknown> }> {
  const lines: string[] = [];
  const code = await runOperatorCommand(name, [...args, '--url', sandbox.url], (line) => lines.push(line));
  return { code, body: JSON.parse(lines.join('\n')) as Record<string, unknown> };
}

describe('operator CLI commands', () => {
  it('register, purchase with discount, refund, terms, rate, disqualify', async () => {
    const referral = await run('register', [
      '--email',
      'cli@example.com',
      '--name',
      'Cli',
      '--code',
      DEMO_PARTNER.referralCode,
    ]);
    expect(referral.code).toBe(0);
    expect(referral.body.referredBy).toBe(DEMO_PARTNER.id);
    const bought = await run('purchase', [
      '--buyer',
      String(referral.body.id),
      '--sku',
      'crypto-1m',
      '--discount',
      '1',
    ]);
    expect(bought.body.commission).toMatchObject({ amountCents: 750, rateBp: 1500 });
    const purchaseId = String((bought.body.purchase as { id: number }).id);
    expect((await run('refund', ['--purchase', purchaseId, '--amount', '1000'])).body.reversal).toMatchObject(
      {
        amountCents: -150,
      },
    );
    const terms = await run('publish-terms', [
      '--rate',
      '1000',
      '--min-payout',
      '2500',
      '--min-referrals',
      '0',
      '--summary',
      'v3',
      '--hold-days',
      '7',
    ]);
    expect(terms.body).toMatchObject({ version: 3, holdDays: 7 });
    expect((await run('set-rate', ['--partner', DEMO_PARTNER.id, '--rate', '2500'])).body).toMatchObject({
      rateBp: 2500,
      source: 'partner',
    });
    expect((await run('disqualify', ['--partner', DEMO_PARTNER.id, '--reason', 'abuse'])).body).toMatchObject(
      {
        status: 'disqualified',
      },
    );
  });

  it('exits 1 with the API error on a refused command, and refuses bad flags', async () => {
    const refused = await run('refund', ['--purchase', '999']);
    expect(refused.code).toBe(1);
    expect(refused.body).toMatchObject({ error: 'unknown-purchase' });
    await expect(run('purchase', ['--buyer', 'x', '--sku', 'y', '--discount', '1.5'])).rejects.toThrow(
      /whole number/,
    );
    await expect(run('purchase', ['--sku', 'y'])).rejects.toThrow(/--buyer is required/);
  });
});
