// The app's sections, in tab order. A feature registers itself with one line here; its components
// live in its own folder (renderer/src/<feature>/). See docs/renderer.md.
import type { ComponentType } from 'react';
import { ReferralSection, ReferralTabLabel } from '../referral/ReferralSection.tsx';
import { SettingsSection, SettingsTabLabel } from '../settings/SettingsSection.tsx';

export interface SectionDefinition {
  /** Also the test ids: data-testid="tab-<id>" (the tab) and "section-<id>" (its panel). */
  id: string;
  /** Renders the tab's text in the current language (a component, so it can use its namespace). */
  Label: ComponentType;
  Component: ComponentType;
}

export const sections: readonly SectionDefinition[] = [
  { id: 'referral', Label: ReferralTabLabel, Component: ReferralSection },
  { id: 'settings', Label: SettingsTabLabel, Component: SettingsSection },
];
