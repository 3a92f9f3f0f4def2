// The one way to turn anything thrown into a line of text (for logs and technical details; what a
// user reads comes from the catalog).
export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
