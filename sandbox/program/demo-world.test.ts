import { afterEach, expect, it } from 'vitest';
import { Balance } from '../../shared/accounts-api.ts';
import { seedDemoWorld } from './demo-world.ts';
import { balanceOf, listCommissions } from './ledger.ts';
import { createProgramTestBed } from './program-test-bed.ts';

const world = createProgramTestBed();
afterEach(() => world.close());

it('seeds a small, consistent demo history once', () => {
  expect(seedDemoWorld(world.ctx, world.partnerId)).toBe(true);
  expect(seedDemoWorld(world.ctx, world.partnerId)).toBe(false);
  const balance = Balance.parse(balanceOf(world.ctx, world.partnerId));
  // 15 % of: 450 $, 450 $ (500 − 50), 70 $ (refunded), 180 $, 189 $, 20 $ = 193.35 $ earned
  expect(balance).toMatchObject({
    earnedCents: 6_750 + 6_750 + 1_050 + 2_700 + 2_835 + 300,
    reversedCents: 1_050,
    paidOutCents: 5_000,
    availableCents: 6_750 + 6_750 + 2_700 + 2_835 + 300 - 5_000,
  });
  const page = listCommissions(world.ctx, world.partnerId, { limit: 50 });
  expect(page.items.every((c) => c.recordedAt <= world.ctx.now().toISOString())).toBe(true);
});
