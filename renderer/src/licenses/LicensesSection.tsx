// The Licenses section: each license with "available till" and days left, renewal options from
// the catalog, one click (then a confirmation) to apply the balance, "Pay the rest" for a partial
// credit, auto-apply per license, and the offers auto-apply makes in "ask" mode.
import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CatalogItem, Credit } from '../../../shared/accounts-api.ts';
import type { CreditDraft, CreditOffer, LicenseRow, LicensesView } from '../../../shared/bridge/payouts.ts';
import type { BridgeFailure } from '../../../shared/bridge.ts';
import type { LicenseAutoApply } from '../../../shared/settings.ts';
import { ErrorState } from '../components/ErrorState.tsx';
import { FormSelect } from '../components/FormSelect.tsx';
import { LoadingState } from '../components/LoadingState.tsx';
import { useIntlLocale } from '../i18n/use-intl-locale.ts';
import { FailureNote, OutboxRow, useMoney } from '../payouts/PayoutsSection.tsx';
import { statusTone } from '../payouts/status-tone.ts';
import { licensesStore } from '../payouts/stores.ts';
import { useBridge } from '../shell/bridge-context.tsx';
import { preferences } from '../shell/stores.ts';
import { toBridgeFailure } from '../store/bridge-failure.ts';
import { LicenseSupportCard } from '../support-requests/LicenseSupportCard.tsx';
import { Badge } from '../ui/Badge.tsx';
import { Notice } from '../ui/Notice.tsx';
import { AutoApplySettings } from './AutoApplySettings.tsx';
import { useProductLabel } from './product-label.ts';
import '../payouts/payouts.css';

export function LicensesSection() {
  const store = licensesStore.useStore();
  useEffect(() => store.getState().start(), [store]);
  const prefs = preferences.useStore();
  useEffect(() => prefs.getState().start(), [prefs]);
  const view = licensesStore.use((s) => s.view);
  const error = licensesStore.use((s) => s.error);
  const load = licensesStore.use((s) => s.load);
  const { t } = useTranslation('licenses');
  const money = useMoney();
  // One confirmation at a time, whether it came from a license row or an auto-apply offer.
  const [pending, setPending] = useState<{ sku: string } | null>(null);
  // Auto-apply in "apply" mode says what it did while this section is open.
  const bridge = useBridge();
  const [applied, setApplied] = useState<{ productName: string; credit: Credit } | null>(null);
  useEffect(
    () =>
      bridge.on('autoApplyNotice', (notice) => {
        if (notice.kind === 'applied') setApplied(notice);
      }),
    [bridge],
  );

  if (!view) return error ? <ErrorState error={error} onRetry={() => void load()} /> : <LoadingState />;
  return (
    <div className="licenses stack" data-testid="licenses">
      {error && <ErrorState error={error} onRetry={() => void load()} />}
      {applied && (
        <p role="status" className="card success" data-testid="licenses-auto-applied">
          {applied.credit.remainderCents > 0
            ? t('autoAppliedPartial', {
                product: applied.productName,
                credit: money(applied.credit.creditCents),
                remainder: money(applied.credit.remainderCents),
              })
            : t('autoApplied', { product: applied.productName, credit: money(applied.credit.creditCents) })}
        </p>
      )}
      {view.offers.map((offer) => (
        <OfferCard key={offer.productId} offer={offer} onReview={() => setPending({ sku: offer.sku })} />
      ))}
      <section className="card" aria-labelledby="licenses-heading">
        <h2 id="licenses-heading">{t('heading')}</h2>
        <p>
          {t('available')}: <strong data-testid="licenses-available">{money(view.availableCents)}</strong>
        </p>
        {view.blockers.length > 0 && (
          // A plain list inside a warning notice (not role="note" on the list, which hides the
          // list from screen readers); the notice's title says what the list is.
          <Notice tone="warning" title={t('blockersLabel')}>
            <ul className="blockers" data-testid="licenses-blockers">
              {view.blockers.map((blocker) => (
                <li key={blocker.code} data-code={blocker.code}>
                  {blocker.code === 'disqualified'
                    ? blocker.reason
                      ? t('unavailable.disqualified', { reason: blocker.reason })
                      : t('unavailable.disqualifiedNoReason')
                    : t('unavailable.no-balance')}
                </li>
              ))}
            </ul>
          </Notice>
        )}
        {view.licenses.length === 0 && <p className="muted">{t('none')}</p>}
        <ul className="request-list">
          {view.licenses.map((row) => (
            <LicenseItem
              key={row.license.productId}
              row={row}
              view={view}
              pendingSku={pending?.sku ?? null}
              onApply={(sku) => setPending({ sku })}
              onClose={() => setPending(null)}
            />
          ))}
        </ul>
        <AutoApplySettings />
      </section>
      <CreditsList view={view} />
      <LicenseSupportCard />
    </div>
  );
}

export function LicensesTabLabel() {
  return useTranslation('licenses').t('tab');
}

function useDate(): (iso: string) => string {
  const locale = useIntlLocale();
  return (iso) => new Date(iso).toLocaleDateString(locale, { dateStyle: 'medium' });
}

function OfferCard({ offer, onReview }: { offer: CreditOffer; onReview: () => void }) {
  const { t } = useTranslation('licenses');
  const money = useMoney();
  const bridge = useBridge();
  const show = licensesStore.use((s) => s.show);
  const values = {
    product: offer.productName,
    term: t(`terms.${offer.term}`),
    credit: money(offer.creditCents),
    remainder: money(offer.remainderCents),
  };
  return (
    <section className="card offer" aria-label={offer.productName} data-testid="licenses-offer">
      <p>{offer.remainderCents > 0 ? t('offerPartial', values) : t('offer', values)}</p>
      <div className="button-row">
        <button
          type="button"
          className="button button-primary"
          data-testid="licenses-offer-review"
          onClick={onReview}
        >
          {t('review')}
        </button>
        <button
          type="button"
          className="button button-secondary"
          data-testid="licenses-offer-dismiss"
          onClick={() => void bridge.dismissOffer({ productId: offer.productId }).then(show, () => undefined)}
        >
          {t('notNow')}
        </button>
      </div>
    </section>
  );
}

function LicenseItem({
  row,
  view,
  pendingSku,
  onApply,
  onClose,
}: {
  row: LicenseRow;
  view: LicensesView;
  pendingSku: string | null;
  onApply: (sku: string) => void;
  onClose: () => void;
}) {
  const { t } = useTranslation('licenses');
  const money = useMoney();
  const date = useDate();
  const { license } = row;
  const [sku, setSku] = useState(row.autoApplySku ?? row.options[0]?.sku ?? '');
  const confirming = row.options.find((o) => o.sku === pendingSku);
  const blocked = view.blockers.length > 0;

  return (
    <li className="license" data-testid="licenses-row" data-product={license.productId}>
      <div className="license-head">
        <strong>{license.productName}</strong>
        <span className="muted" data-testid="licenses-days-left">
          {row.daysLeft === null
            ? t('lifetime')
            : row.daysLeft >= 0
              ? t('daysLeft', { count: row.daysLeft })
              : t('expired', { count: -row.daysLeft })}
        </span>
      </div>
      {license.availableTill && (
        <div className="muted" data-testid="licenses-available-till" data-value={license.availableTill}>
          {t('availableTill', { date: date(license.availableTill) })}
        </div>
      )}
      {row.options.length > 0 && (
        <>
          <FormSelect
            label={t('renewalLabel')}
            testId="licenses-option"
            value={sku}
            options={row.options.map((option) => ({
              value: option.sku,
              label: t('option', { term: t(`terms.${option.term}`), price: money(option.priceCents) }),
            }))}
            onChange={setSku}
          />
          <button
            type="button"
            className="button button-primary"
            data-testid="licenses-apply"
            disabled={blocked}
            onClick={() => onApply(sku)}
          >
            {t('applyButton')}
          </button>
          {confirming && <ConfirmCredit item={confirming} onClose={onClose} />}
          <AutoApplyToggle productId={license.productId} sku={sku} />
        </>
      )}
    </li>
  );
}

type CreditStep =
  | { step: 'preparing' }
  | { step: 'confirm'; draft: CreditDraft }
  | { step: 'done'; credit: Credit }
  | { step: 'failed'; failure: BridgeFailure; draft: CreditDraft | null };

function ConfirmCredit({ item, onClose }: { item: CatalogItem; onClose: () => void }) {
  const { t } = useTranslation('licenses');
  const { t: common } = useTranslation('common');
  const money = useMoney();
  const date = useDate();
  const bridge = useBridge();
  const view = licensesStore.use((s) => s.view);
  const [state, setState] = useState<CreditStep>({ step: 'preparing' });
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    let live = true;
    bridge.prepareCredit({ sku: item.sku }).then(
      (draft) => live && setState({ step: 'confirm', draft }),
      (error: unknown) => live && setState({ step: 'failed', failure: toBridgeFailure(error), draft: null }),
    );
    return () => {
      live = false;
    };
  }, [bridge, item.sku]);

  async function confirm(draft: CreditDraft) {
    // A second click on the way sends the same key: core and the server apply it once.
    setBusy(true);
    try {
      setState({ step: 'done', credit: await bridge.submitCredit({ key: draft.key }) });
    } catch (error) {
      setState({ step: 'failed', failure: toBridgeFailure(error), draft });
    } finally {
      setBusy(false);
    }
  }

  if (state.step === 'preparing') return <LoadingState />;
  if (state.step === 'failed') {
    return (
      <div className="confirm" data-testid="licenses-confirmation">
        {state.failure.retryable && state.draft ? (
          <p role="alert" className="warning" data-testid="licenses-not-confirmed">
            {t('notConfirmed', { message: common(`errorTitles.${state.failure.code}`) })}
          </p>
        ) : (
          <FailureNote failure={state.failure} />
        )}
        <button type="button" className="button button-secondary" onClick={onClose}>
          {t('back')}
        </button>
      </div>
    );
  }
  if (state.step === 'done') {
    const { credit } = state;
    const renewed = view?.licenses.find((row) => row.license.productId === item.productId)?.license;
    return (
      <div className="confirm" data-testid="licenses-result" data-status={credit.status}>
        {credit.status === 'awaiting-payment' ? (
          <>
            <p role="status">
              {t('awaitingPayment', {
                credit: money(credit.creditCents),
                remainder: money(credit.remainderCents),
              })}
            </p>
            {credit.checkoutUrl && <PayRestButton url={credit.checkoutUrl} />}
          </>
        ) : (
          <p role="status" className="success" data-testid="licenses-applied">
            {renewed?.lifetime
              ? t('appliedLifetime', { product: item.productName })
              : t('applied', {
                  product: item.productName,
                  date: renewed?.availableTill ? date(renewed.availableTill) : '—',
                })}
          </p>
        )}
        <button type="button" className="button button-secondary" onClick={onClose}>
          {t('back')}
        </button>
      </div>
    );
  }
  const { draft } = state;
  const values = {
    product: draft.productName,
    term: t(`terms.${draft.term}`),
    price: money(draft.priceCents),
    credit: money(draft.creditCents),
    remainder: money(draft.remainderCents),
  };
  return (
    <section className="confirm" aria-label={t('confirmHeading', values)} data-testid="licenses-confirmation">
      <h3>{t('confirmHeading', values)}</h3>
      <p data-testid="licenses-confirm-text">
        {draft.remainderCents > 0 ? t('confirmPartial', values) : t('confirmFull', values)}
      </p>
      <div className="button-row">
        <button
          type="button"
          className="button button-primary"
          data-testid="licenses-confirm"
          aria-busy={busy}
          onClick={() => void confirm(draft)}
        >
          {busy ? t('sending') : t('confirmButton', values)}
        </button>
        <button type="button" className="button button-secondary" onClick={onClose} disabled={busy}>
          {t('back')}
        </button>
      </div>
    </section>
  );
}

function PayRestButton({ url }: { url: string }) {
  const { t } = useTranslation('licenses');
  const bridge = useBridge();
  const [failure, setFailure] = useState<BridgeFailure | null>(null);
  return (
    <>
      <button
        type="button"
        className="button button-primary"
        data-testid="licenses-pay-rest"
        onClick={() =>
          void bridge.openExternal({ url }).catch((error: unknown) => setFailure(toBridgeFailure(error)))
        }
      >
        {t('payRest')}
      </button>
      {failure && <FailureNote failure={failure} />}
    </>
  );
}

function AutoApplyToggle({ productId, sku }: { productId: string; sku: string }) {
  const { t } = useTranslation('licenses');
  const settings = preferences.use((s) => s.settings);
  const update = preferences.use((s) => s.update);
  const id = useId();
  // Shown at once while the change is saved; the saved settings take over when they arrive.
  const [optimistic, setOptimistic] = useState<{ on: boolean; over: LicenseAutoApply } | null>(null);
  const autoApply: LicenseAutoApply | undefined = settings?.licenseAutoApply;
  if (!autoApply) return null;
  const on =
    optimistic?.over === autoApply
      ? optimistic.on
      : autoApply.renewals.some((r) => r.productId === productId);
  const toggle = (enable: boolean) => {
    setOptimistic({ on: enable, over: autoApply });
    const others = autoApply.renewals.filter((r) => r.productId !== productId);
    void update({ licenseAutoApply: { renewals: enable ? [...others, { productId, sku }] : others } });
  };

  return (
    <div>
      <div className="checkbox-row">
        <input
          id={id}
          type="checkbox"
          data-testid="licenses-auto-apply"
          checked={on}
          onChange={(event) => toggle(event.target.checked)}
        />
        <label htmlFor={id}>{t('autoApply')}</label>
      </div>
      {on && (
        <p className="muted">
          {t('autoApplyHint', {
            count: autoApply.withinDays,
            action: t(`autoApplyActions.${autoApply.action}`),
          })}
        </p>
      )}
    </div>
  );
}

function CreditsList({ view }: { view: LicensesView }) {
  const { t } = useTranslation('licenses');
  const money = useMoney();
  const bridge = useBridge();
  const load = licensesStore.use((s) => s.load);
  const productLabel = useProductLabel(view.licenses.flatMap((row) => row.options));
  if (view.credits.length === 0 && view.outbox.length === 0) return null;
  return (
    <section className="card" aria-labelledby="licenses-credits-heading">
      <h2 id="licenses-credits-heading">{t('creditsHeading')}</h2>
      <ul className="request-list" data-testid="licenses-credits">
        {view.outbox.map((item) => (
          <OutboxRow
            key={item.key}
            item={item}
            namespace="licenses"
            onDismiss={() => bridge.dismissRequest({ key: item.key }).then(() => load())}
          />
        ))}
        {view.credits.map((credit) => (
          <li key={credit.id} className="request" data-testid="licenses-credit" data-status={credit.status}>
            <div className="request-main">
              <span>
                {t('creditLine', {
                  product: productLabel(
                    credit.sku,
                    view.licenses.find((row) => credit.sku.startsWith(`${row.license.productId}-`))?.license
                      .productName,
                  ),
                  credit: money(credit.creditCents),
                  price: money(credit.priceCents),
                })}
              </span>
              <Badge tone={statusTone(credit.status)}>{t(`creditStatus.${credit.status}`)}</Badge>
            </div>
            {credit.status === 'awaiting-payment' && credit.checkoutUrl && (
              <PayRestButton url={credit.checkoutUrl} />
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
