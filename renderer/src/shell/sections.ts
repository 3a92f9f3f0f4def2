// The app's sections, in tab order. A feature registers itself with one line here; its components
// live in its own folder (renderer/src/<feature>/). See docs/renderer.md.
import type { ComponentType } from 'react';
import { EarningsSection, EarningsTabLabel } from '../earnings/EarningsSection.tsx';
import { HistorySection, HistoryTabLabel } from '../earnings/HistorySection.tsx';
import { ReferralsSection, ReferralsTabLabel } from '../earnings/ReferralsSection.tsx';
import { LicensesSection, LicensesTabLabel } from '../licenses/LicensesSection.tsx';
import { PayoutsSection, PayoutsTabLabel } from '../payouts/PayoutsSection.tsx';
import { ReferralSection, ReferralTabLabel } from '../referral/ReferralSection.tsx';
import { SettingsSection, SettingsTabLabel } from '../settings/SettingsSection.tsx';

export interface SectionDefinition {
  /** Also the test ids: data-testid="tab-<id>" (the tab) and "section-<id>" (its panel). */
  id: string;
  /** Renders the tab's text in the current language (a component, so it can use its namespace). */
  Label: ComponentType;
  Component: ComponentType;
  /** Shown while signed out too (every other section shows the sign-in screen instead). */
  signedOut?: boolean;
}

export const sections: readonly SectionDefinition[] = [
  { id: 'referral', Label: ReferralTabLabel, Component: ReferralSection },
  { id: 'earnings', Label: EarningsTabLabel, Component: EarningsSection },
  { id: 'history', Label: HistoryTabLabel, Component: HistorySection },
  { id: 'referrals', Label: ReferralsTabLabel, Component: ReferralsSection },
  { id: 'payouts', Label: PayoutsTabLabel, Component: PayoutsSection },
  { id: 'licenses', Label: LicensesTabLabel, Component: LicensesSection },
  { id: 'settings', Label: SettingsTabLabel, Component: SettingsSection, signedOut: true },
];
