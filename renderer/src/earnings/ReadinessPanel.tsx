// Progress toward each withdrawal threshold of the terms in force, what is missing in a plain
// sentence, and the Request payout / Apply to license buttons (their flows live in other sections).
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProgramStatus } from '../../../shared/accounts-api.ts';
import { withdrawalReadiness } from '../../../shared/earnings-readiness.ts';
import { useIntlLocale } from '../i18n/use-intl-locale.ts';
import { sections } from '../shell/sections.ts';
import { navigation } from '../shell/stores.ts';
import { Button } from '../ui/Button.tsx';
import { money } from './format.ts';

const hasSection = (id: string) => sections.some((section) => section.id === id);

export function ReadinessPanel({ program }: { program: ProgramStatus }) {
  const { t } = useTranslation('earnings');
  const locale = useIntlLocale();
  const select = navigation.use((s) => s.select);
  const sentenceId = useId();
  const readiness = withdrawalReadiness(program);
  // Nothing can be withdrawn or spent after a disqualification: the notice explains, no buttons.
  if (readiness.disqualified) return null;

  const amount = readiness.thresholds.find((x) => x.kind === 'amount');
  const referrals = readiness.thresholds.find((x) => x.kind === 'referrals');
  const missing = [
    amount && !amount.met ? t('readiness.missingAmount', { amount: money(amount.missing, locale) }) : null,
    referrals && !referrals.met ? t('readiness.missingReferrals', { count: referrals.missing }) : null,
  ].filter((part): part is string => part !== null);
  const sentence = readiness.canRequestPayout
    ? t('readiness.readyFigures', {
        amount: money(program.withdrawal.availableCents, locale),
        referrals: t('readiness.referralCount', { count: program.referralsCount }),
      })
    : missing.length === 2
      ? t('readiness.missingBoth', { amount: missing[0], referrals: missing[1] })
      : missing.length === 1
        ? t('readiness.missingOne', { what: missing[0] })
        : '';

  return (
    <section className="card readiness" aria-labelledby="readiness-heading" data-testid="earnings-readiness">
      <h2 id="readiness-heading">{t('readiness.heading')}</h2>
      {readiness.thresholds.map((threshold) => {
        // A threshold already passed reads as met ("$143.35 available — minimum $50.00 reached"),
        // not as a fraction over 100 % ("$143.35 of $50.00").
        const current = threshold.kind === 'amount' ? money(threshold.current, locale) : threshold.current;
        const required = threshold.kind === 'amount' ? money(threshold.required, locale) : threshold.required;
        const text =
          threshold.kind === 'amount'
            ? threshold.met
              ? t('readiness.amountMet', { current, required })
              : t('readiness.amount', { current, required })
            : threshold.met
              ? t('readiness.referralsMet', { count: threshold.current, required })
              : t('readiness.referrals', { current, count: threshold.required });
        return (
          <div key={threshold.kind} className={threshold.met ? 'threshold met' : 'threshold'}>
            <span data-testid={`readiness-${threshold.kind}`}>{text}</span>
            <progress
              max={1}
              value={threshold.progress}
              aria-label={
                threshold.kind === 'amount' ? t('readiness.amountLabel') : t('readiness.referralsLabel')
              }
              aria-valuetext={text}
            />
          </div>
        );
      })}
      <p id={sentenceId} data-testid="readiness-sentence">
        {sentence}
      </p>
      <div className="button-row">
        {hasSection('payouts') && (
          <Button
            variant="primary"
            testId="request-payout"
            disabled={!readiness.canRequestPayout}
            aria-describedby={sentenceId}
            onClick={() => select('payouts')}
          >
            {t('readiness.requestPayout')}
          </Button>
        )}
        {hasSection('licenses') && (
          <Button
            variant="secondary"
            testId="apply-to-license"
            disabled={!readiness.canApplyToLicense}
            title={t('readiness.licenseHint')}
            onClick={() => select('licenses')}
          >
            {t('readiness.applyToLicense')}
          </Button>
        )}
      </div>
    </section>
  );
}
