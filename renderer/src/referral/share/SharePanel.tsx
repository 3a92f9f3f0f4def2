// Sharing the referral link: a button per service, the message with a live preview, and the QR
// code to show large, save as PNG or SVG, or copy as an image. Keyboard shortcuts copy the link
// and the code from anywhere in the window.
import { useCallback, useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Language } from '../../../../shared/settings.ts';
import {
  DEFAULT_SHARE_MESSAGES,
  renderShareMessage,
  SHARE_LANGUAGES,
  SHARE_TARGETS,
  shareMessageProblem,
  shareText,
} from '../../../../shared/share-targets.ts';
import { qrRequest } from '../../notifications/qr-request.ts';
import { useReferral } from '../referral-context.tsx';
import { ActionFeedback } from './ActionFeedback.tsx';
import { QrDialog } from './QrDialog.tsx';
import { useShare } from './share-context.tsx';
import { currentLanguage, messageTemplate, type ShareReferral } from './share-store.ts';
import { useShareShortcuts } from './use-share-shortcuts.ts';
import './share.css';

export function SharePanel({ referral }: { referral: ShareReferral }) {
  const { t } = useTranslation('share');
  const start = useShare((s) => s.start);
  useEffect(() => start(), [start]);

  const copyLink = useReferral((s) => s.copyLink);
  const copyCode = useShare((s) => s.copyCode);
  const { code, link } = referral;
  useShareShortcuts({
    copyLink: useCallback(() => void copyLink(), [copyLink]),
    copyCode: useCallback(() => void copyCode({ code, link }), [copyCode, code, link]),
  });

  return (
    <section className="card share" aria-labelledby="share-heading" data-testid="share-panel">
      <h2 id="share-heading">{t('heading')}</h2>
      <MessageEditor referral={referral} />
      <ShareTargets referral={referral} />
      <QrActions referral={referral} />
      <p className="share-hint">{t('shortcutsHint')}</p>
    </section>
  );
}

function MessageEditor({ referral }: { referral: ShareReferral }) {
  const { t } = useTranslation('share');
  const settings = useShare((s) => s.settings);
  const language = useShare(currentLanguage);
  const template = useShare((s) => messageTemplate(s, language));
  const setLanguage = useShare((s) => s.setLanguage);
  const editMessage = useShare((s) => s.editMessage);
  const flushMessage = useShare((s) => s.flushMessage);
  const resetMessage = useShare((s) => s.resetMessage);
  const ids = { message: useId(), hint: useId(), problem: useId() };

  const problem = shareMessageProblem(template);
  const preview =
    problem === null ? shareText('whatsapp', renderShareMessage(template, referral), referral.link) : null;

  return (
    <div className="share-message">
      <fieldset className="share-languages" disabled={settings.status !== 'ready'}>
        <legend>{t('languageLabel')}</legend>
        {SHARE_LANGUAGES.map((option) => (
          <label key={option}>
            <input
              type="radio"
              name="share-language"
              value={option}
              checked={language === option}
              data-testid={`share-language-${option}`}
              onChange={() => void setLanguage(option)}
            />
            {t(`languages.${option}`)}
          </label>
        ))}
      </fieldset>
      <label htmlFor={ids.message}>{t('messageLabel')}</label>
      <textarea
        id={ids.message}
        data-testid="share-message"
        rows={3}
        value={template}
        lang={language}
        aria-describedby={problem ? `${ids.hint} ${ids.problem}` : ids.hint}
        aria-invalid={problem !== null}
        disabled={settings.status === 'loading'}
        onChange={(event) => editMessage(language, event.target.value)}
        onBlur={() => void flushMessage()}
      />
      <p id={ids.hint} className="share-hint">
        {t('messageHint')}
      </p>
      {problem && (
        <p id={ids.problem} className="copy-error" role="alert" data-testid="share-message-problem">
          {problem}
        </p>
      )}
      {settings.status === 'error' && (
        <p className="copy-error" role="alert" data-testid="settings-error">
          {t('settingsFailed')} {settings.error.message}
        </p>
      )}
      <button
        type="button"
        className="button button-secondary"
        data-testid="share-message-reset"
        disabled={template === DEFAULT_SHARE_MESSAGES[language as Language]}
        onClick={() => void resetMessage(language)}
      >
        {t('resetMessage')}
      </button>
      <div className="share-preview">
        <span className="share-preview-label">{t('previewLabel')}</span>
        <output data-testid="share-preview" lang={language}>
          {preview}
        </output>
        <span className="share-hint">{t('previewNote')}</span>
      </div>
    </div>
  );
}

function ShareTargets({ referral }: { referral: ShareReferral }) {
  const { t } = useTranslation('share');
  const share = useShare((s) => s.share);
  const state = useShare((s) => s.actions.share);
  const usable = useShare((s) => shareMessageProblem(messageTemplate(s, currentLanguage(s))) === null);
  return (
    <div className="share-targets">
      <h3>{t('targetsLabel')}</h3>
      <div className="share-buttons">
        {SHARE_TARGETS.map((target) => (
          <button
            key={target}
            type="button"
            className="button button-secondary"
            data-testid={`share-${target}`}
            aria-label={t('shareOn', { service: t(`targets.${target}`) })}
            disabled={!usable}
            onClick={() => void share(target, referral)}
          >
            {t(`targets.${target}`)}
          </button>
        ))}
      </div>
      <ActionFeedback state={state} done={t('opened')} failed={t('shareFailed')} testId="share" />
    </div>
  );
}

function QrActions({ referral }: { referral: ShareReferral }) {
  const { t } = useTranslation('share');
  const [showing, setShowing] = useState(false);
  const showButton = useRef<HTMLButtonElement>(null);
  // The tray's "Show QR code" (notifications/qr-request.ts).
  const qrAsked = qrRequest.use((s) => s.pending);
  const consumeQr = qrRequest.use((s) => s.consume);
  useEffect(() => {
    if (!qrAsked) return;
    consumeQr();
    setShowing(true);
  }, [qrAsked, consumeQr]);
  const saveImage = useShare((s) => s.saveImage);
  const copyImage = useShare((s) => s.copyImage);
  const actions = useShare((s) => s.actions);
  // One line of feedback for the image actions: the latest one that is not idle.
  const [last, setLast] = useState<'savePng' | 'saveSvg' | 'copyImage'>('savePng');
  const state = actions[last];

  const close = useCallback(() => {
    setShowing(false);
    showButton.current?.focus();
  }, []);

  return (
    <div className="share-qr">
      <h3>{t('qrLabel')}</h3>
      <div className="share-buttons">
        <button
          ref={showButton}
          type="button"
          className="button button-primary"
          data-testid="show-qr"
          aria-haspopup="dialog"
          onClick={() => setShowing(true)}
        >
          {t('showQr')}
        </button>
        <button
          type="button"
          className="button button-secondary"
          data-testid="save-png"
          onClick={() => {
            setLast('savePng');
            void saveImage(referral, 'png');
          }}
        >
          {t('savePng')}
        </button>
        <button
          type="button"
          className="button button-secondary"
          data-testid="save-svg"
          onClick={() => {
            setLast('saveSvg');
            void saveImage(referral, 'svg');
          }}
        >
          {t('saveSvg')}
        </button>
        <button
          type="button"
          className="button button-secondary"
          data-testid="copy-image"
          onClick={() => {
            setLast('copyImage');
            void copyImage(referral);
          }}
        >
          {t('copyImage')}
        </button>
      </div>
      <ActionFeedback
        state={state}
        done={last === 'copyImage' ? t('imageCopied') : t('saved')}
        failed={t('imageFailed')}
        testId={last === 'copyImage' ? 'copy-image' : last === 'savePng' ? 'save-png' : 'save-svg'}
      />
      <QrDialog link={referral.link} open={showing} onClose={close} />
    </div>
  );
}
