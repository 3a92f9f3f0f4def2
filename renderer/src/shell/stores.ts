// The shell's own feature stores: navigation and the preferences it applies.
import { featureStore } from './bridge-context.tsx';
import { createNavigationStore } from './navigation-store.ts';
import { createPreferencesStore } from './preferences-store.ts';

export const DEFAULT_SECTION = 'referral';
/** The section to open with: `#earnings` in the page address opens Earnings (deep links, benchmarks). */
export function initialSection(hash = typeof location === 'undefined' ? '' : location.hash): string {
  const id = decodeURIComponent(hash.replace(/^#/u, ''));
  return /^[a-z][a-z0-9-]{0,40}$/u.test(id) ? id : DEFAULT_SECTION;
}
export const navigation = featureStore(() => createNavigationStore(initialSection()));
export const preferences = featureStore(createPreferencesStore);
