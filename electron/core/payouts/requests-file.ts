// The outbox's file adapter: requests.json in the shell's data directory (next to settings.json),
// validated on load and on every write, set aside and restarted empty when damaged.
import { openValidatedFile, type ValidatedFile } from '../validated-json-file.ts';
import { EMPTY_REQUESTS_STATE, type RequestsState, RequestsState as RequestsStateSchema } from './outbox.ts';

export const REQUESTS_FILE_NAME = 'requests';

export function openRequestsFile(options: {
  cwd: string;
  now?: () => Date;
  log?: (message: string) => void;
}): ValidatedFile<RequestsState> {
  return openValidatedFile({
    ...options,
    name: REQUESTS_FILE_NAME,
    schema: RequestsStateSchema,
    defaults: EMPTY_REQUESTS_STATE,
    label: 'Requests',
  });
}
