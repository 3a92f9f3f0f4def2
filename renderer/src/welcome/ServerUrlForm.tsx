// The accounts server's address, checked by the shared rule (https, http only on this computer)
// before anything is sent; used by the welcome and by Settings → Mode.
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { accountsUrlProblem } from '../../../shared/accounts-url.ts';
import { FormInput } from '../components/FormInput.tsx';

export function ServerUrlForm({
  initial,
  submitLabel,
  onSubmit,
  testId,
}: {
  initial: string;
  submitLabel: string;
  onSubmit: (url: string) => Promise<void>;
  testId: string;
}) {
  const { t } = useTranslation('welcome');
  const [url, setUrl] = useState(initial);
  const [problem, setProblem] = useState<ReturnType<typeof accountsUrlProblem>>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const found = accountsUrlProblem(url);
    setProblem(found);
    if (found) return;
    setBusy(true);
    try {
      await onSubmit(url.trim());
    } finally {
      setBusy(false);
    }
  };
  return (
    <form onSubmit={(event) => void submit(event)} noValidate>
      <FormInput
        label={t('choices.server.urlLabel')}
        type="url"
        testId={`${testId}-url`}
        value={url}
        placeholder="https://"
        spellCheck={false}
        autoComplete="url"
        maxLength={2_000}
        invalid={problem ? true : undefined}
        onChange={(value) => {
          setUrl(value);
          setProblem(null);
        }}
      />
      {problem && (
        <p role="alert" className="copy-error" data-testid={`${testId}-url-error`}>
          {t(`urlRefusals.${problem}`)}
        </p>
      )}
      <div className="button-row">
        <button
          type="submit"
          className="button button-primary"
          data-testid={`${testId}-connect`}
          disabled={busy}
        >
          {submitLabel}
        </button>
      </div>
    </form>
  );
}
