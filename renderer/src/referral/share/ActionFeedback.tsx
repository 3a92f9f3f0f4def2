import type { ActionState } from './share-store.ts';

/** A confirmation or error for one action, in a live region that exists before it is filled. */
export function ActionFeedback({
  state,
  done,
  failed,
  testId,
}: {
  state: ActionState;
  done: string;
  failed: string;
  testId: string;
}) {
  return (
    <>
      <p className="copy-feedback" role="status">
        {state.status === 'done' && (
          <span className="copied" data-testid={`${testId}-confirmation`}>
            {done}
          </span>
        )}
      </p>
      {state.status === 'failed' && (
        <p className="copy-error" role="alert" data-testid={`${testId}-error`}>
          {failed} {state.message}
        </p>
      )}
    </>
  );
}
