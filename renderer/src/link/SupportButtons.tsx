// E-mail and Telegram to Quantower Support (R5), through the shell's allow-listed openExternal:
// the e-mail prefilled, the Telegram chat opened with the same message on the clipboard.
import { useState } from 'react';
import { SUPPORT_TELEGRAM, supportMailto } from '../../../shared/support-contact.ts';
import { useBridge } from '../shell/bridge-context.tsx';
import { toBridgeFailure } from '../store/bridge-failure.ts';

export function SupportButtons({
  subject,
  body,
  labels,
  testId,
}: {
  subject: string;
  body: string;
  labels: { email: string; telegram: string; copied: string };
  testId: string;
}) {
  const bridge = useBridge();
  const [note, setNote] = useState<string | null>(null);
  const open = async (url: string, copyFirst: boolean) => {
    setNote(null);
    try {
      if (copyFirst) {
        await bridge.copyText({ text: body });
        setNote(labels.copied);
      }
      await bridge.openExternal({ url });
    } catch (error) {
      setNote(toBridgeFailure(error).message);
    }
  };
  return (
    <>
      <div className="button-row link-buttons">
        <button
          type="button"
          className="button"
          data-testid={`${testId}-email`}
          onClick={() => void open(supportMailto(subject, body), false)}
        >
          {labels.email}
        </button>
        <button
          type="button"
          className="button"
          data-testid={`${testId}-telegram`}
          onClick={() => void open(SUPPORT_TELEGRAM, true)}
        >
          {labels.telegram}
        </button>
      </div>
      {note && (
        <p role="status" className="muted" data-testid={`${testId}-note`}>
          {note}
        </p>
      )}
    </>
  );
}
