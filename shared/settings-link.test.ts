import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, Settings, SettingsPatch } from './settings.ts';

const LINK = 'https://accounts.quantower.com/referral?referral_code=AB%2BCD%2F9%3D';

describe('the saved referral link in settings', () => {
  it('loads a canonical link and the mode', () => {
    expect(Settings.parse({ mode: 'link', referralLink: LINK })).toMatchObject({
      mode: 'link',
      referralLink: LINK,
    });
    expect(DEFAULT_SETTINGS).toMatchObject({ mode: null, referralLink: null });
  });

  it('reads a damaged link as none, keeping every other setting', () => {
    for (const bad of [
      'https://evil.example/referral?referral_code=AB',
      'AB+CD',
      42,
      'javascript:alert(1)',
    ]) {
      const loaded = Settings.parse({ mode: 'link', language: 'ru', referralLink: bad });
      expect(loaded).toMatchObject({ mode: 'link', language: 'ru', referralLink: null });
    }
  });

  it('refuses anything but a canonical link (or null) in a patch', () => {
    expect(SettingsPatch.safeParse({ referralLink: LINK }).success).toBe(true);
    expect(SettingsPatch.safeParse({ referralLink: null }).success).toBe(true);
    for (const bad of [
      'AB+CD/9=',
      'https://www.accounts.quantower.com/referral?referral_code=AB',
      'http://x/',
    ]) {
      expect(SettingsPatch.safeParse({ referralLink: bad }).success).toBe(false);
    }
  });

  it('refuses a new http accounts URL off this computer', () => {
    expect(SettingsPatch.safeParse({ accountsUrl: 'http://accounts.example.com/' }).success).toBe(false);
    expect(SettingsPatch.safeParse({ accountsUrl: 'http://127.0.0.1:4000/' }).success).toBe(true);
    expect(SettingsPatch.safeParse({ mode: 'server', accountsUrl: 'https://a.example/' }).success).toBe(true);
  });
});
