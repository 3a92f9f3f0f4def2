import { cleanup, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AppProviders } from '../shell/bridge-context.tsx';
import { FakeBridge } from '../testing/fake-bridge.ts';
import { AutoApplySettings } from './AutoApplySettings.tsx';

let bridge: FakeBridge;
beforeEach(() => {
  bridge = new FakeBridge();
});
afterEach(cleanup);

describe('auto-apply options', () => {
  it('save days, action and partial use as settings patches', async () => {
    const user = userEvent.setup();
    render(
      <AppProviders bridge={bridge.api}>
        <AutoApplySettings asCard />
      </AppProviders>,
    );
    await user.selectOptions(await screen.findByTestId('setting-auto-apply-days'), '14');
    await user.selectOptions(screen.getByTestId('setting-auto-apply-action'), 'apply');
    await user.click(screen.getByTestId('setting-auto-apply-partial'));
    await waitFor(() =>
      expect(bridge.settings.licenseAutoApply).toEqual({
        renewals: [],
        withinDays: 14,
        action: 'apply',
        allowPartial: true,
      }),
    );
    expect(bridge.settingsPatches).toEqual([
      { licenseAutoApply: { withinDays: 14 } },
      { licenseAutoApply: { action: 'apply' } },
      { licenseAutoApply: { allowPartial: true } },
    ]);
    expect(screen.getByRole('heading').textContent).toBe('Auto-apply options');
  });
});
