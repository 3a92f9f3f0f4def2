// The shell's own feature stores: navigation and the preferences it applies.
import { featureStore } from './bridge-context.tsx';
import { createNavigationStore } from './navigation-store.ts';
import { createPreferencesStore } from './preferences-store.ts';

export const DEFAULT_SECTION = 'referral';
export const navigation = featureStore(() => createNavigationStore(DEFAULT_SECTION));
export const preferences = featureStore(createPreferencesStore);
