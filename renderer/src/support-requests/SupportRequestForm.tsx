// The request to Quantower Support (R5): account e-mail, amount or whole balance, and the payout
// method and destination (checked exactly as the accounts API checks them) or the license product
// and term from the public catalog. The companion writes the request in the UI's language with the
// referral code and hands it over the channel the user picks: a prefilled e-mail, or Telegram or
// the website chat with the message on the clipboard. Sent requests are noted in core's journal.
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BridgeFailure } from '../../../shared/bridge.ts';
import type { UiLocale } from '../../../shared/i18n/resources.ts';
import { LICENSE_TERMS, PUBLIC_LICENSE_PRODUCTS } from '../../../shared/license-catalog.ts';
import type { DestinationMethod, DestinationProblem } from '../../../shared/payout-destination.ts';
import {
  checkSupportRequest,
  composeSupportRequest,
  type SupportRequestForm as FormState,
  PAYOUT_METHODS,
  SUPPORT_CHANNELS,
  type SupportChannel,
  type SupportRequestKind,
  type SupportRequestProblems,
  supportChannelTarget,
} from '../../../shared/support-request.ts';
import { FormInput } from '../components/FormInput.tsx';
import { FormSelect } from '../components/FormSelect.tsx';
import { FailureNote, useMoney } from '../payouts/PayoutsSection.tsx';
import { useBridge } from '../shell/bridge-context.tsx';
import { toBridgeFailure } from '../store/bridge-failure.ts';

export interface SupportRequestFormProps {
  kind: SupportRequestKind;
  /** Prefilled when known (the referral code of this partner; the signed-in e-mail). */
  code?: string | undefined;
  email?: string | undefined;
}

type Field = keyof SupportRequestProblems;

export function SupportRequestForm({ kind, code = '', email = '' }: SupportRequestFormProps) {
  const { t, i18n } = useTranslation('supportRequests');
  const licenseWords = useTranslation('licenses').t;
  const money = useMoney();
  const bridge = useBridge();
  const [form, setForm] = useState<FormState>({
    kind,
    accountEmail: email,
    referralCode: code,
    wholeBalance: true,
    amountText: '',
    method: 'paypal',
    destination: '',
    productId: PUBLIC_LICENSE_PRODUCTS[0]?.id ?? '',
    term: '1y',
  });
  // A prefill that arrives after the first render fills only a field the user has not typed in.
  const [seen, setSeen] = useState({ code, email });
  if (seen.code !== code || seen.email !== email) {
    setSeen({ code, email });
    setForm((f) => ({
      ...f,
      referralCode: f.referralCode === '' ? code : f.referralCode,
      accountEmail: f.accountEmail === '' ? email : f.accountEmail,
    }));
  }
  const [channel, setChannel] = useState<SupportChannel>('email');
  const [touched, setTouched] = useState<Partial<Record<Field, boolean>>>({});
  const [busy, setBusy] = useState(false);
  // One send per request: a double click (even one landing before the button shows as disabled, or
  // after a quick send) opens and notes it once; editing the form or the channel allows another.
  const inFlight = useRef(false);
  const sentOnce = useRef(false);
  const [sent, setSent] = useState<SupportChannel | null>(null);
  const [failure, setFailure] = useState<BridgeFailure | null>(null);

  const language: UiLocale = i18n.language === 'ru' ? 'ru' : 'en';
  const checked = checkSupportRequest(form);
  const problems: SupportRequestProblems = checked.ok ? {} : checked.problems;
  const message = checked.ok ? composeSupportRequest(checked.request, language, money) : null;
  const set = (patch: Partial<FormState>) => {
    setForm((f) => ({ ...f, ...patch }));
    setSent(null);
    sentOnce.current = false;
  };
  const touch = (field: Field) => () => setTouched((s) => ({ ...s, [field]: true }));
  const problemText = (field: Exclude<Field, 'destination'>): string => {
    const problem = touched[field] ? problems[field] : undefined;
    return problem ? t(`problems.${problem}`) : '';
  };
  // Destination problems are worded once, in the payouts namespace: the same rules, the same words.
  const destinationWords = (problem: DestinationProblem) =>
    t(`destinationProblems.${problem}`, { ns: 'payouts' });

  async function send() {
    setTouched({
      accountEmail: true,
      referralCode: true,
      amount: true,
      destination: true,
      productId: true,
      term: true,
    });
    if (!checked.ok || message === null || inFlight.current || sentOnce.current) return;
    inFlight.current = true;
    const request = checked.request;
    setBusy(true);
    setFailure(null);
    setSent(null);
    try {
      const target = supportChannelTarget(channel, message);
      if (target.copy !== null) await bridge.copyText({ text: target.copy });
      await bridge.openExternal({ url: target.url });
      await bridge.recordSupportRequest(
        request.kind === 'payout'
          ? { kind: 'payout', amount: request.amount, channel, method: request.method }
          : {
              kind: 'license',
              amount: request.amount,
              channel,
              productId: request.productId,
              term: request.term,
            },
      );
      sentOnce.current = true;
      setSent(channel);
    } catch (error) {
      setFailure(toBridgeFailure(error));
    } finally {
      inFlight.current = false;
      setBusy(false);
    }
  }

  return (
    <form
      className="support-form"
      data-testid="support-form"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        void send();
      }}
    >
      <FormInput
        label={t('emailLabel')}
        testId="support-email"
        autoComplete="email"
        spellCheck={false}
        value={form.accountEmail}
        invalid={Boolean(touched.accountEmail && problems.accountEmail)}
        message={problemText('accountEmail')}
        onChange={(accountEmail) => set({ accountEmail })}
        onBlur={touch('accountEmail')}
      />
      <FormInput
        label={t('codeLabel')}
        testId="support-code"
        autoComplete="off"
        spellCheck={false}
        maxLength={128}
        value={form.referralCode}
        invalid={Boolean(touched.referralCode && problems.referralCode)}
        message={problemText('referralCode')}
        onChange={(referralCode) => set({ referralCode })}
        onBlur={touch('referralCode')}
      />
      <fieldset className="support-choice">
        <legend>{t('amountLabel')}</legend>
        <label>
          <input
            type="radio"
            name={`support-amount-${kind}`}
            data-testid="support-whole-balance"
            checked={form.wholeBalance}
            onChange={() => set({ wholeBalance: true })}
          />
          {t('wholeBalance')}
        </label>
        <label>
          <input
            type="radio"
            name={`support-amount-${kind}`}
            data-testid="support-an-amount"
            checked={!form.wholeBalance}
            onChange={() => set({ wholeBalance: false })}
          />
          {t('anAmount')}
        </label>
      </fieldset>
      {!form.wholeBalance && (
        <FormInput
          label={t('amountInput')}
          testId="support-amount"
          inputMode="decimal"
          value={form.amountText}
          invalid={Boolean(touched.amount && problems.amount)}
          message={problemText('amount')}
          onChange={(amountText) => set({ amountText })}
          onBlur={touch('amount')}
        />
      )}
      {kind === 'payout' ? (
        <>
          <FormSelect<DestinationMethod>
            label={t('methodLabel')}
            testId="support-method"
            value={form.method}
            options={PAYOUT_METHODS.map((m) => ({ value: m, label: t(`methods.${m}`) }))}
            onChange={(method) => set({ method })}
          />
          <FormInput
            label={t(`destinationLabel.${form.method}`)}
            testId="support-destination"
            autoComplete="off"
            spellCheck={false}
            value={form.destination}
            invalid={Boolean(touched.destination && problems.destination)}
            message={
              touched.destination && problems.destination ? destinationWords(problems.destination) : ''
            }
            onChange={(destination) => set({ destination })}
            onBlur={touch('destination')}
          />
        </>
      ) : (
        <>
          <FormSelect<string>
            label={t('productLabel')}
            testId="support-product"
            value={form.productId}
            options={PUBLIC_LICENSE_PRODUCTS.map((p) => ({ value: p.id, label: t(`products.${p.id}`) }))}
            onChange={(productId) => set({ productId })}
          />
          <FormSelect<string>
            label={t('termLabel')}
            testId="support-term"
            value={form.term}
            options={LICENSE_TERMS.map((term) => ({ value: term, label: licenseWords(`terms.${term}`) }))}
            onChange={(term) => set({ term })}
          />
        </>
      )}
      <fieldset className="support-choice">
        <legend>{t('channelLabel')}</legend>
        {SUPPORT_CHANNELS.map((c) => (
          <label key={c}>
            <input
              type="radio"
              name={`support-channel-${kind}`}
              data-testid={`support-channel-${c}`}
              checked={channel === c}
              onChange={() => {
                setChannel(c);
                setSent(null);
                sentOnce.current = false;
              }}
            />
            {t(`channels.${c}`)}
          </label>
        ))}
      </fieldset>
      {message && (
        <details className="support-preview">
          <summary>{t('previewLabel')}</summary>
          <pre data-testid="support-preview">{`${message.subject}\n\n${message.body}`}</pre>
        </details>
      )}
      {failure && <FailureNote failure={failure} />}
      {sent && (
        <p role="status" className="success" data-testid="support-sent">
          {sent === 'email' ? t('sentEmail') : t('sentCopied')}
        </p>
      )}
      <div className="button-row">
        <button
          type="submit"
          className="button button-primary"
          data-testid="support-send"
          disabled={busy || sent !== null}
        >
          {t(`send.${channel}`)}
        </button>
      </div>
    </form>
  );
}
