import { describe, expect, it } from 'vitest';
import type { BridgeEventMessage, CoreHandlers } from '../../../shared/bridge.ts';
import { DEFAULT_SETTINGS } from '../../../shared/settings.ts';
import { createDispatcher, type DispatchHandlers } from '../bridge-dispatch.ts';
import { createEventHub } from '../event-hub.ts';
import { createSettingsService } from './settings-service.ts';
import { createMemorySettingsStorage } from './settings-storage.ts';

function setup() {
  const events = createEventHub();
  const seen: BridgeEventMessage[] = [];
  events.subscribe((message) => seen.push(message));
  const storage = createMemorySettingsStorage();
  const service = createSettingsService(storage, events);
  // Through the dispatcher, as both transports call it: patches are validated at the boundary.
  // Only the settings methods are exercised, so the other core handlers are left out.
  const handlers: Pick<CoreHandlers, 'getSettings' | 'updateSettings'> = {
    getSettings: async () => service.get(),
    updateSettings: async (patch) => service.update(patch),
  };
  const dispatcher = createDispatcher(handlers as DispatchHandlers);
  return { storage, service, dispatcher, seen };
}

describe('settings over the bridge', () => {
  it('answers the defaults at first', async () => {
    const { dispatcher } = setup();
    expect(await dispatcher.dispatch('getSettings', {})).toEqual({ ok: true, value: DEFAULT_SETTINGS });
  });

  it('applies a partial patch, keeps the rest, saves and announces it', async () => {
    const { dispatcher, storage, seen } = setup();
    await dispatcher.dispatch('updateSettings', { share: { messages: { en: 'Hi {link}' } } });
    const result = await dispatcher.dispatch('updateSettings', { language: 'ru' });
    const expected = {
      ...DEFAULT_SETTINGS,
      language: 'ru',
      share: { messages: { en: 'Hi {link}', ru: null } },
    };
    expect(result).toEqual({ ok: true, value: expected });
    expect(storage.read()).toEqual(expected);
    expect(seen.map((message) => message.payload)).toEqual([
      { ...DEFAULT_SETTINGS, share: { messages: { en: 'Hi {link}', ru: null } } },
      expected,
    ]);
  });

  it('restores a default message with null', async () => {
    const { dispatcher, storage } = setup();
    await dispatcher.dispatch('updateSettings', {
      share: { messages: { en: 'Hi {link}', ru: 'Привет {code}' } },
    });
    await dispatcher.dispatch('updateSettings', { share: { messages: { en: null } } });
    expect(storage.read().share.messages).toEqual({ en: null, ru: 'Привет {code}' });
  });

  it('announces nothing when nothing changed', async () => {
    const { dispatcher, seen } = setup();
    await dispatcher.dispatch('updateSettings', { ui: { language: 'system' } });
    await dispatcher.dispatch('updateSettings', {});
    expect(seen).toEqual([]);
  });

  it.each([
    [{ language: 'de' }, /language/],
    [{ theme: 'dark' }, /theme|unrecognized/i],
    [{ share: { messages: { en: 'Hi {name}' } } }, /Unknown placeholder \{name\}/],
    [{ share: { messages: { fr: 'Salut' } } }, /fr|unrecognized/i],
    [{ share: { messages: { en: '' } } }, /empty/],
    [{ share: { messages: { en: 'x'.repeat(501) } } }, /longer than 500/],
    [{ share: null }, /share/],
    ['ru', /object/i],
  ])('refuses the patch %j and changes nothing', async (patch, reason) => {
    const { dispatcher, storage, seen } = setup();
    const result = await dispatcher.dispatch('updateSettings', patch);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe('invalid-input');
      expect(result.error.message).toMatch(reason);
    }
    expect(storage.read()).toEqual(DEFAULT_SETTINGS);
    expect(seen).toEqual([]);
  });
});
