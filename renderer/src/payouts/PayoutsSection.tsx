// The Payouts section: what the terms in force allow, the request form with inline checks, a
// confirmation of exactly what will happen, the requests list with live status, and the support
// fallback. Core creates each request's idempotency key (preparePayout) and files it once.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Payout, PayoutMethodId } from '../../../shared/accounts-api.ts';
import type { Blocker, OutboxItem, PayoutDraft, PayoutsView } from '../../../shared/bridge/payouts.ts';
import type { BridgeFailure } from '../../../shared/bridge.ts';
import { refusalText } from '../../../shared/i18n/refusal-text.ts';
import { formatCents } from '../../../shared/money-format.ts';
import { type DestinationProblem, destinationProblemCode } from '../../../shared/payout-destination.ts';
import { ErrorState } from '../components/ErrorState.tsx';
import { FormInput } from '../components/FormInput.tsx';
import { FormSelect } from '../components/FormSelect.tsx';
import { LoadingState } from '../components/LoadingState.tsx';
import { useIntlLocale } from '../i18n/use-intl-locale.ts';
import { useBridge } from '../shell/bridge-context.tsx';
import { toBridgeFailure } from '../store/bridge-failure.ts';
import { Badge } from '../ui/Badge.tsx';
import { Notice } from '../ui/Notice.tsx';
import { centsToInput, parseAmountToCents } from './amount.ts';
import { SupportCard } from './SupportCard.tsx';
import { statusTone } from './status-tone.ts';
import { payoutsStore } from './stores.ts';
import './payouts.css';

export function PayoutsSection() {
  const store = payoutsStore.useStore();
  useEffect(() => store.getState().start(), [store]);
  const view = payoutsStore.use((s) => s.view);
  const error = payoutsStore.use((s) => s.error);
  const load = payoutsStore.use((s) => s.load);

  if (!view) return error ? <ErrorState error={error} onRetry={() => void load()} /> : <LoadingState />;
  return (
    <div className="payouts stack" data-testid="payouts">
      {error && <ErrorState error={error} onRetry={() => void load()} />}
      <RequestCard view={view} />
      <RequestsList view={view} />
      <SupportCard code={view.referralCode} availableCents={view.program.withdrawal.availableCents} />
    </div>
  );
}

export function PayoutsTabLabel() {
  return useTranslation('payouts').t('tab');
}

export function useMoney(): (cents: number) => string {
  const locale = useIntlLocale();
  return (cents) => formatCents(cents, locale);
}

export function BlockerList({ blockers, testId }: { blockers: Blocker[]; testId: string }) {
  const { t } = useTranslation('payouts');
  const locale = useIntlLocale();
  return (
    <ul className="blockers" data-testid={testId}>
      {blockers.map((blocker) => (
        <li key={blocker.code} data-code={blocker.code}>
          {refusalText(blocker, t, locale)}
        </li>
      ))}
    </ul>
  );
}

type Step =
  | { step: 'idle' }
  | { step: 'form' }
  | { step: 'confirm'; draft: PayoutDraft }
  | { step: 'done'; payout: Payout };

function RequestCard({ view }: { view: PayoutsView }) {
  const { t } = useTranslation('payouts');
  const money = useMoney();
  const [state, setState] = useState<Step>({ step: 'idle' });
  const { withdrawal } = view.program;
  const blocked = view.blockers.length > 0;

  return (
    <section className="card" aria-labelledby="payouts-heading">
      <h2 id="payouts-heading">{t('heading')}</h2>
      <p className="payouts-available">
        {t('available')}: <strong data-testid="payouts-available">{money(withdrawal.availableCents)}</strong>
      </p>
      <p className="muted" data-testid="payouts-terms">
        {t('termsLine', {
          version: view.terms.version,
          min: money(withdrawal.minPayoutCents),
          referrals: withdrawal.minReferrals,
        })}
      </p>
      {blocked && (
        <Notice tone="warning" title={t('unavailableHeading')}>
          <BlockerList blockers={view.blockers} testId="payouts-blockers" />
        </Notice>
      )}
      {state.step === 'idle' || (state.step === 'form' && blocked) ? (
        <button
          type="button"
          className="button button-primary"
          data-testid="payouts-request"
          disabled={blocked}
          aria-disabled={blocked}
          onClick={() => setState({ step: 'form' })}
        >
          {t('requestButton')}
        </button>
      ) : state.step === 'form' ? (
        <PayoutForm
          view={view}
          onCancel={() => setState({ step: 'idle' })}
          onDraft={(draft) => setState({ step: 'confirm', draft })}
        />
      ) : state.step === 'confirm' ? (
        <ConfirmPayout
          draft={state.draft}
          onBack={() => setState({ step: 'form' })}
          onFiled={(payout) => setState({ step: 'done', payout })}
        />
      ) : (
        <div>
          <p role="status" className="success" data-testid="payouts-filed">
            {t('filed', { amount: money(state.payout.amountCents) })}
          </p>
          <button
            type="button"
            className="button button-secondary"
            onClick={() => setState({ step: 'idle' })}
          >
            {t('back')}
          </button>
        </div>
      )}
    </section>
  );
}

function PayoutForm({
  view,
  onCancel,
  onDraft,
}: {
  view: PayoutsView;
  onCancel: () => void;
  onDraft: (draft: PayoutDraft) => void;
}) {
  const { t } = useTranslation('payouts');
  const money = useMoney();
  const bridge = useBridge();
  const { withdrawal } = view.program;
  const [method, setMethod] = useState<PayoutMethodId>(view.methods[0]?.id ?? 'paypal');
  const [destination, setDestination] = useState('');
  const [amount, setAmount] = useState(centsToInput(withdrawal.availableCents));
  const [touched, setTouched] = useState({ destination: false, amount: false });
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<BridgeFailure | null>(null);

  const selected = view.methods.find((m) => m.id === method);
  const destinationProblem: DestinationProblem | 'empty' | null =
    destination.trim() === '' ? 'empty' : destinationProblemCode(method, destination.trim());
  const cents = parseAmountToCents(amount);
  const amountProblem =
    cents === null
      ? t('amountProblems.format')
      : cents > withdrawal.availableCents
        ? t('amountProblems.above-available', { max: money(withdrawal.availableCents) })
        : cents < withdrawal.minPayoutCents
          ? t('amountProblems.below-minimum', { min: money(withdrawal.minPayoutCents) })
          : null;
  const shownProblem: DestinationProblem | null =
    touched.destination && destinationProblem !== null && destinationProblem !== 'empty'
      ? destinationProblem
      : null;

  async function submit() {
    setTouched({ destination: true, amount: true });
    if (destinationProblem !== null || amountProblem !== null || cents === null) return;
    setBusy(true);
    setFailure(null);
    try {
      onDraft(await bridge.preparePayout({ amountCents: cents, method, destination: destination.trim() }));
    } catch (error) {
      setFailure(toBridgeFailure(error));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form
      className="payout-form"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
    >
      <FormSelect
        label={t('methodLabel')}
        testId="payouts-method"
        value={method}
        options={view.methods.map((m) => ({ value: m.id, label: m.name }))}
        onChange={setMethod}
      />
      <FormInput
        label={selected?.destinationLabel ?? method}
        testId="payouts-destination"
        autoComplete="off"
        spellCheck={false}
        placeholder={selected?.destinationExample}
        value={destination}
        invalid={touched.destination && destinationProblem !== null}
        message={shownProblem ? t(`destinationProblems.${shownProblem}`) : ''}
        onChange={setDestination}
        onBlur={() => setTouched((s) => ({ ...s, destination: true }))}
      />
      <FormInput
        label={t('amountLabel')}
        inputMode="decimal"
        testId="payouts-amount"
        value={amount}
        invalid={touched.amount && amountProblem !== null}
        message={
          touched.amount && amountProblem
            ? amountProblem
            : t('amountHint', {
                min: money(withdrawal.minPayoutCents),
                max: money(withdrawal.availableCents),
              })
        }
        onChange={(text) => {
          setAmount(text);
          setTouched((s) => ({ ...s, amount: true }));
        }}
      />
      {failure && <FailureNote failure={failure} />}
      <div className="button-row">
        <button
          type="submit"
          className="button button-primary"
          data-testid="payouts-continue"
          disabled={busy}
        >
          {t('continue')}
        </button>
        <button type="button" className="button button-secondary" onClick={onCancel}>
          {t('cancel')}
        </button>
      </div>
    </form>
  );
}

function ConfirmPayout({
  draft,
  onBack,
  onFiled,
}: {
  draft: PayoutDraft;
  onBack: () => void;
  onFiled: (payout: Payout) => void;
}) {
  const { t } = useTranslation('payouts');
  const { t: common } = useTranslation('common');
  const money = useMoney();
  const bridge = useBridge();
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<BridgeFailure | null>(null);

  async function confirm() {
    // A second click while the first is on its way sends the same key: core answers one request.
    setBusy(true);
    setFailure(null);
    try {
      onFiled(await bridge.submitPayout({ key: draft.key }));
    } catch (error) {
      setFailure(toBridgeFailure(error));
      setBusy(false);
    }
  }

  return (
    <section className="confirm" aria-labelledby="payouts-confirm-heading" data-testid="payouts-confirmation">
      <h3 id="payouts-confirm-heading">{t('confirmHeading')}</h3>
      <p data-testid="payouts-confirm-text">
        {t('confirmText', {
          amount: money(draft.amountCents),
          method: draft.methodName,
          destination: draft.destination,
        })}
      </p>
      <p className="muted">{t('confirmDetails', { after: money(draft.availableAfterCents) })}</p>
      {failure &&
        (failure.retryable ? (
          <p role="alert" className="warning" data-testid="payouts-not-confirmed">
            {t('notConfirmed', { message: common(`errorTitles.${failure.code}`) })}
          </p>
        ) : (
          <FailureNote failure={failure} />
        ))}
      <div className="button-row">
        <button
          type="button"
          className="button button-primary"
          data-testid="payouts-confirm"
          aria-busy={busy}
          onClick={() => void confirm()}
        >
          {busy ? t('sending') : t('confirmButton', { amount: money(draft.amountCents) })}
        </button>
        <button type="button" className="button button-secondary" onClick={onBack} disabled={busy}>
          {t('back')}
        </button>
      </div>
    </section>
  );
}

/** A failed request in the user's words: core's refusal from the catalog, else what kind of failure it was. */
export function FailureNote({ failure }: { failure: BridgeFailure }) {
  const { t } = useTranslation('payouts');
  const { t: common } = useTranslation('common');
  const locale = useIntlLocale();
  return (
    <p role="alert" className="field-error" data-testid="request-error" data-code={failure.refusal?.code}>
      {failure.refusal ? refusalText(failure.refusal, t, locale) : common(`errorTitles.${failure.code}`)}
    </p>
  );
}

function RequestsList({ view }: { view: PayoutsView }) {
  const { t } = useTranslation('payouts');
  const money = useMoney();
  const locale = useIntlLocale();
  const bridge = useBridge();
  const [failure, setFailure] = useState<BridgeFailure | null>(null);
  const date = (iso: string) => new Date(iso).toLocaleDateString(locale, { dateStyle: 'medium' });
  const act = async (run: () => Promise<unknown>) => {
    setFailure(null);
    try {
      await run();
    } catch (error) {
      setFailure(toBridgeFailure(error));
    }
  };

  return (
    <section className="card" aria-labelledby="payouts-requests-heading">
      <h2 id="payouts-requests-heading">{t('requestsHeading')}</h2>
      {failure && <FailureNote failure={failure} />}
      {view.outbox.length === 0 && view.items.length === 0 && <p className="muted">{t('noRequests')}</p>}
      <ul className="request-list" data-testid="payouts-list">
        {view.outbox.map((item) => (
          <OutboxRow
            key={item.key}
            item={item}
            onDismiss={() => act(() => bridge.dismissRequest({ key: item.key }))}
          />
        ))}
        {view.items.map((payout) => (
          <li
            key={payout.id}
            className="request"
            data-testid="payouts-item"
            data-id={payout.id}
            data-status={payout.status}
          >
            <div className="request-main">
              <strong>{money(payout.amountCents)}</strong>
              <Badge tone={statusTone(payout.status)} testId="payouts-status">
                {t(`status.${payout.status}`)}
              </Badge>
            </div>
            <div className="muted">
              {view.methods.find((m) => m.id === payout.method)?.name ?? payout.method} · {payout.destination}{' '}
              · {date(payout.requestedAt)}
            </div>
            {payout.status === 'rejected' && payout.reason && (
              <div className="request-reason" data-testid="payouts-reason">
                {t('rejectedReason', { reason: payout.reason })}
              </div>
            )}
            {payout.status === 'requested' && (
              <button
                type="button"
                className="button button-small"
                data-testid="payouts-cancel"
                onClick={() => void act(() => bridge.cancelPayout({ id: payout.id }))}
              >
                {t('cancelRequest')}
              </button>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}

export function OutboxRow({
  item,
  onDismiss,
  namespace = 'payouts',
}: {
  item: OutboxItem;
  onDismiss: () => Promise<void>;
  namespace?: 'payouts' | 'licenses';
}) {
  const { t } = useTranslation(namespace);
  const { t: common } = useTranslation('common');
  const money = useMoney();
  return (
    <li className="request" data-testid="outbox-item" data-state={item.state}>
      <div className="request-main">
        <strong>{money(item.amountCents)}</strong>
        <Badge tone={statusTone(item.state)}>{t(`outboxStatus.${item.state}`)}</Badge>
      </div>
      <div className="muted">{item.label}</div>
      {/* The kind of problem in the user's words; only entries from before codes show the raw text. */}
      {item.problem && (
        <div className="request-reason" data-code={item.problemCode ?? undefined}>
          {item.problemCode ? common(`errorTitles.${item.problemCode}`) : item.problem}
        </div>
      )}
      {item.state === 'failed' && (
        <button type="button" className="button button-small" onClick={() => void onDismiss()}>
          {t('dismiss')}
        </button>
      )}
    </li>
  );
}
