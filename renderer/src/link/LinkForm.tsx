// "Use my referral link": the field, Paste (reads the clipboard only on that click), Save link and
// Open my Quantower account. The input is read by the one parser (shared/referral-link.ts); a
// refusal is shown with its reason and nothing is saved.
import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  parseReferralInput,
  QUANTOWER_ACCOUNT_URL,
  type ReferralInputRefusal,
} from '../../../shared/referral-link.ts';
import { useBridge } from '../shell/bridge-context.tsx';
import { toBridgeFailure } from '../store/bridge-failure.ts';
import './link.css';

type Note = { kind: 'refused'; reason: ReferralInputRefusal } | { kind: 'failed' | 'saved'; text: string };

export function LinkForm({ hasLink }: { hasLink: boolean }) {
  const { t } = useTranslation('welcome');
  const bridge = useBridge();
  const inputId = useId();
  const messageId = useId();
  const [text, setText] = useState('');
  const [note, setNote] = useState<Note | null>(null);
  const [busy, setBusy] = useState(false);

  const save = async (event: FormEvent) => {
    event.preventDefault();
    const parsed = parseReferralInput(text);
    if (!parsed.ok) {
      setNote({ kind: 'refused', reason: parsed.reason });
      return;
    }
    setBusy(true);
    try {
      await bridge.updateSettings({ referralLink: parsed.link });
      setText('');
      setNote({ kind: 'saved', text: t('link.saved') });
    } catch (error) {
      setNote({ kind: 'failed', text: t('link.saveFailed', { message: toBridgeFailure(error).message }) });
    } finally {
      setBusy(false);
    }
  };

  const paste = async () => {
    try {
      const { text: pasted } = await bridge.readClipboardText({});
      if (pasted.trim() === '') {
        setNote({ kind: 'failed', text: t('link.pasteEmpty') });
        return;
      }
      setText(pasted.trim());
      setNote(null);
    } catch (error) {
      setNote({ kind: 'failed', text: t('link.pasteFailed', { message: toBridgeFailure(error).message }) });
    }
  };

  const openAccount = async () => {
    try {
      await bridge.openExternal({ url: QUANTOWER_ACCOUNT_URL });
    } catch (error) {
      setNote({ kind: 'failed', text: toBridgeFailure(error).message });
    }
  };

  const refused = note?.kind === 'refused' || note?.kind === 'failed';
  return (
    <section className="card link-form" aria-labelledby={`${inputId}-heading`} data-testid="link-form">
      <h2 id={`${inputId}-heading`}>{hasLink ? t('link.changeHeading') : t('link.heading')}</h2>
      <p className="muted">{t('link.intro')}</p>
      <form onSubmit={(event) => void save(event)} noValidate>
        <div className="form-row">
          <label htmlFor={inputId}>{t('link.inputLabel')}</label>
          <input
            id={inputId}
            type="text"
            data-testid="link-input"
            value={text}
            spellCheck={false}
            autoComplete="off"
            maxLength={2_000}
            aria-invalid={note?.kind === 'refused' ? true : undefined}
            aria-describedby={note ? messageId : undefined}
            onChange={(event) => {
              setText(event.target.value);
              if (note?.kind === 'refused') setNote(null);
            }}
          />
        </div>
        <div className="button-row link-buttons">
          <button type="button" className="button" data-testid="link-paste" onClick={() => void paste()}>
            {t('link.paste')}
          </button>
          <button type="submit" className="button button-primary" data-testid="link-save" disabled={busy}>
            {t('link.save')}
          </button>
        </div>
      </form>
      {note && (
        <p
          id={messageId}
          role={refused ? 'alert' : 'status'}
          className={refused ? 'copy-error' : 'copied'}
          data-testid={refused ? 'link-refusal' : 'link-saved'}
        >
          {note.kind === 'refused' ? t(`refusals.${note.reason}`) : note.text}
        </p>
      )}
      <button
        type="button"
        className="button link-account"
        data-testid="link-open-account"
        onClick={() => void openAccount()}
      >
        {t('link.openAccount')}
      </button>
    </section>
  );
}
