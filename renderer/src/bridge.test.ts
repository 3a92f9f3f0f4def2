import { afterEach, describe, expect, it } from 'vitest';
import { installedBridge } from './bridge.ts';
import { FakeBridge } from './testing/fake-bridge.ts';

afterEach(() => {
  Reflect.deleteProperty(window, 'companion');
});

describe('installedBridge', () => {
  it('returns the bridge a shell installed on window.companion', () => {
    const { api } = new FakeBridge();
    window.companion = api;
    expect(installedBridge()).toBe(api);
  });

  it('returns null when the page runs outside a companion shell', () => {
    expect(installedBridge()).toBeNull();
    Reflect.set(window, 'companion', {});
    expect(installedBridge()).toBeNull();
  });
});
