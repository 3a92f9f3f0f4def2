// The sections in link mode: the same tabs, with what this mode can honestly show in each. The
// referral is the saved link; figures need an accounts API (LinkModeEarnings says so, and how to
// get them); payouts and license credit go through support (LinkModeRequests).
import type { ComponentType } from 'react';
import type { SectionDefinition } from '../shell/sections.ts';
import { LinkModeRequests } from '../support-requests/LinkModeRequests.tsx';
import { LinkModeEarnings } from './LinkModeEarnings.tsx';
import { LinkReferralSection } from './LinkReferralSection.tsx';

const PayoutRequests = () => <LinkModeRequests kind="payout" />;
const LicenseRequests = () => <LinkModeRequests kind="license" />;

const IN_LINK_MODE: Record<string, ComponentType> = {
  referral: LinkReferralSection,
  payouts: PayoutRequests,
  licenses: LicenseRequests,
};

/** Sections shown while signed out (Settings) stay as they are; any other needs the accounts API. */
export function linkModeSections(sections: readonly SectionDefinition[]): SectionDefinition[] {
  return sections.map((section) => ({
    ...section,
    Component: IN_LINK_MODE[section.id] ?? (section.signedOut ? section.Component : LinkModeEarnings),
    signedOut: true,
  }));
}
