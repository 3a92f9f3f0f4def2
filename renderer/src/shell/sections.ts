// The app's sections, in tab order. A feature registers itself with one line here; its components
// live in its own folder (renderer/src/<feature>/). See docs/renderer.md.
import { Banknote, History, KeyRound, Link, Settings, Users, Wallet } from 'lucide-react';
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
  /** The section's icon in the navigation bar (lucide-react; decorative, the label names it). */
  Icon: ComponentType<{ 'aria-hidden'?: boolean; size?: number; strokeWidth?: number }>;
  Component: ComponentType;
  /** Shown while signed out too (every other section shows the sign-in screen instead). */
  signedOut?: boolean;
}

export const sections: readonly SectionDefinition[] = [
  { id: 'referral', Label: ReferralTabLabel, Icon: Link, Component: ReferralSection },
  { id: 'earnings', Label: EarningsTabLabel, Icon: Wallet, Component: EarningsSection },
  { id: 'history', Label: HistoryTabLabel, Icon: History, Component: HistorySection },
  { id: 'referrals', Label: ReferralsTabLabel, Icon: Users, Component: ReferralsSection },
  { id: 'payouts', Label: PayoutsTabLabel, Icon: Banknote, Component: PayoutsSection },
  { id: 'licenses', Label: LicensesTabLabel, Icon: KeyRound, Component: LicensesSection },
  { id: 'settings', Label: SettingsTabLabel, Icon: Settings, Component: SettingsSection, signedOut: true },
];
