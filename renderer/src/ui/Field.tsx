// A labelled control in a `.field`: label above, the control, then a message (error or hint) the
// control points to with aria-describedby. FormInput and FormSelect (components/) are Fields.
import type { ReactNode } from 'react';

export function Field({
  id,
  label,
  messageId,
  message,
  messageTestId,
  children,
}: {
  /** The control's id (the label's htmlFor). */
  id: string;
  label: ReactNode;
  messageId?: string;
  message?: ReactNode;
  messageTestId?: string;
  children: ReactNode;
}) {
  return (
    <div className="form-row">
      <label htmlFor={id}>{label}</label>
      {children}
      {message !== undefined && (
        <span id={messageId} className="field-error" data-testid={messageTestId}>
          {message}
        </span>
      )}
    </div>
  );
}
