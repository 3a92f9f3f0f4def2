// The first start (no mode chosen, no accounts URL configured): three ways in, the partner's own
// link first. Each is one click (the server needs its address); Settings → Mode changes it later.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useBridge } from '../shell/bridge-context.tsx';
import { navigation } from '../shell/stores.ts';
import '../link/link.css';
import { chooseMode } from './choose-mode.ts';
import { ServerUrlForm } from './ServerUrlForm.tsx';

export function Welcome() {
  const { t } = useTranslation('welcome');
  const bridge = useBridge();
  const select = navigation.use((state) => state.select);
  const [failure, setFailure] = useState<string | null>(null);
  const [serverOpen, setServerOpen] = useState(false);
  const [busy, setBusy] = useState(false);

  const choose = async (mode: 'link' | 'demo' | 'server', url?: string) => {
    setBusy(true);
    setFailure(null);
    // Both land on the Referral section: the link form, or the demo's sign-in then its link.
    select('referral');
    setFailure(await chooseMode(bridge, mode, url));
    setBusy(false);
  };

  return (
    <div className="welcome" data-testid="welcome">
      <div>
        <h2>{t('heading')}</h2>
        <p className="muted">{t('intro')}</p>
      </div>
      <Choice
        id="welcome-link"
        title={t('choices.link.title')}
        badge={t('choices.link.recommended')}
        text={t('choices.link.text')}
        action={t('choices.link.action')}
        primary
        disabled={busy}
        onChoose={() => void choose('link')}
      />
      <Choice
        id="welcome-demo"
        title={t('choices.demo.title')}
        badge={t('choices.demo.badge')}
        text={t('choices.demo.text')}
        action={t('choices.demo.action')}
        disabled={busy}
        onChoose={() => void choose('demo')}
      />
      <section className="card welcome-choice" aria-labelledby="welcome-server">
        <h2 id="welcome-server">{t('choices.server.title')}</h2>
        <p>{t('choices.server.text')}</p>
        {serverOpen ? (
          <ServerUrlForm
            initial=""
            testId="welcome-server"
            submitLabel={t('choices.server.connect')}
            onSubmit={(url) => choose('server', url)}
          />
        ) : (
          <div className="button-row">
            <button
              type="button"
              className="button"
              data-testid="welcome-server"
              disabled={busy}
              aria-expanded={false}
              onClick={() => setServerOpen(true)}
            >
              {t('choices.server.action')}
            </button>
          </div>
        )}
      </section>
      {failure && (
        <p role="alert" className="copy-error" data-testid="welcome-error">
          {t('failed', { message: failure })}
        </p>
      )}
    </div>
  );
}

/** One way in that needs no more than a click: its title (with a badge), a sentence, a button. */
function Choice(props: {
  id: string;
  title: string;
  badge: string;
  text: string;
  action: string;
  primary?: boolean;
  disabled: boolean;
  onChoose: () => void;
}) {
  return (
    <section className="card welcome-choice" aria-labelledby={props.id}>
      <h2 id={props.id}>
        {props.title} <span className="badge">{props.badge}</span>
      </h2>
      <p>{props.text}</p>
      <div className="button-row">
        <button
          type="button"
          className={props.primary ? 'button button-primary' : 'button'}
          data-testid={props.id}
          disabled={props.disabled}
          onClick={props.onChoose}
        >
          {props.action}
        </button>
      </div>
    </section>
  );
}
