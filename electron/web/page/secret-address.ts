// The per-run secret travels once, in the address the companion prints (/?k=…). The shell
// answers that address with the page itself and the cookie (no redirect: one round trip less
// before the first paint); the page then drops the secret from the address bar and from this
// history entry, keeping any #section.
export const SECRET_PARAM = 'k';

export function dropSecretFromAddress(
  location: Pick<Location, 'search' | 'hash' | 'pathname'>,
  history: Pick<History, 'replaceState' | 'state'>,
): void {
  const params = new URLSearchParams(location.search);
  if (!params.has(SECRET_PARAM)) return;
  params.delete(SECRET_PARAM);
  const query = params.toString();
  history.replaceState(history.state, '', `${location.pathname}${query ? `?${query}` : ''}${location.hash}`);
}
