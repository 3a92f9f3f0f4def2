// getSettings / updateSettings for the bridge: patches are validated by the dispatcher against
// the contract, merged, validated as a whole, saved, and announced with settingsChanged.
import { applySettingsPatch, type Settings, type SettingsPatch } from '../../../shared/settings.ts';
import type { EventHub } from '../event-hub.ts';
import type { SettingsStorage } from './settings-storage.ts';

export interface SettingsService {
  get(): Settings;
  update(patch: SettingsPatch): Settings;
}

export function createSettingsService(storage: SettingsStorage, events: EventHub): SettingsService {
  return {
    get: () => storage.read(),
    update(patch) {
      const before = storage.read();
      const after = applySettingsPatch(before, patch);
      if (JSON.stringify(after) === JSON.stringify(before)) return before;
      storage.write(after);
      events.emit('settingsChanged', after);
      return after;
    },
  };
}
