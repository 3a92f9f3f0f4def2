// The accounts server a partner connects to (server mode, issue 13): https, except on this machine
// (a sandbox or a development server on a loopback address). Used by the welcome, Settings and the
// settings patch, so every way in applies the same rule.

/** Why an accounts URL is refused; words in the catalog (namespace `welcome`, `urlRefusals`). */
export type AccountsUrlRefusal = 'empty' | 'not-a-url' | 'not-https' | 'credentials';

const LOOPBACK_HOSTS = new Set(['localhost', '[::1]']);

export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.toLowerCase();
  return LOOPBACK_HOSTS.has(host) || host.endsWith('.localhost') || /^127(\.\d{1,3}){3}$/u.test(host);
}

export function accountsUrlProblem(input: string): AccountsUrlRefusal | null {
  const text = input.trim();
  if (text === '') return 'empty';
  const url = URL.parse(text);
  if (!url || (url.protocol !== 'https:' && url.protocol !== 'http:') || url.hostname === '')
    return 'not-a-url';
  if (url.username !== '' || url.password !== '') return 'credentials';
  if (url.protocol === 'http:' && !isLoopbackHost(url.hostname)) return 'not-https';
  return null;
}
