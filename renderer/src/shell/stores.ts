// The shell's own feature stores: navigation, the preferences it applies and the app info (mode).
import { DEFAULT_SECTION, SECTION_ID_PATTERN } from '../../../shared/section-id.ts';
import { createAppInfoStore } from './app-info-store.ts';
import { featureStore, firstPaintOf } from './bridge-context.tsx';
import { createNavigationStore } from './navigation-store.ts';
import { createPreferencesStore } from './preferences-store.ts';

export { DEFAULT_SECTION };

/**
 * The section to open with: `#earnings` in the page address opens Earnings (deep links,
 * benchmarks); without one, the section the user had open last (settings.ui.section).
 */
export function initialSection(
  hash = typeof location === 'undefined' ? '' : location.hash,
  remembered: string = DEFAULT_SECTION,
): string {
  const id = decodeURIComponent(hash.replace(/^#/u, ''));
  if (SECTION_ID_PATTERN.test(id)) return id;
  return SECTION_ID_PATTERN.test(remembered) ? remembered : DEFAULT_SECTION;
}

export const navigation = featureStore((bridge) =>
  createNavigationStore(initialSection(undefined, firstPaintOf(bridge)?.settings.ui.section), (section) => {
    // Remembering where the user was is a convenience: a failed save changes nothing they did,
    // and the Settings section shows settings errors of its own.
    bridge.updateSettings({ ui: { section } }).catch(() => {});
  }),
);
export const preferences = featureStore(createPreferencesStore);
export const appInfo = featureStore(createAppInfoStore);
