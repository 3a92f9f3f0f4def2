// Domain failures carry a kind (what went wrong, for the HTTP layer to map to a status) and a
// stable code (for clients), never HTTP details.
export type ProgramErrorKind = 'invalid' | 'not-found' | 'conflict' | 'forbidden' | 'unprocessable';

export class ProgramError extends Error {
  override name = 'ProgramError';
  readonly kind: ProgramErrorKind;
  readonly code: string;
  constructor(kind: ProgramErrorKind, code: string, message: string) {
    super(message);
    this.kind = kind;
    this.code = code;
  }
}
