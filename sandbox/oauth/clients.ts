// The registered OAuth clients. The companion is a native app, a public client (no secret),
// redirecting to a loopback listener (RFC 8252 §7.3): the registered URI fixes scheme and path,
// and any port is accepted on the loopback IP literals, never on "localhost" (§8.3).

export interface OAuthClient {
  id: string;
  name: string;
  /** The exact path of the loopback redirect. */
  loopbackRedirectPath: string;
}

export const COMPANION_CLIENT: OAuthClient = Object.freeze({
  id: 'quantower-referral-companion',
  name: 'Referral Companion for Quantower',
  loopbackRedirectPath: '/callback',
});

const clients = new Map([[COMPANION_CLIENT.id, COMPANION_CLIENT]]);

export function findClient(id: string | undefined): OAuthClient | undefined {
  return id === undefined ? undefined : clients.get(id);
}

const LOOPBACK_HOSTS = new Set(['127.0.0.1', '[::1]']);

/** Why `raw` is not an acceptable redirect URI for `client`, or null when it is. */
export function redirectUriProblem(client: OAuthClient, raw: string | undefined): string | null {
  if (!raw) return 'redirect_uri is required.';
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return 'redirect_uri is not a valid URL.';
  }
  if (url.protocol !== 'http:' || !LOOPBACK_HOSTS.has(url.hostname)) {
    return 'redirect_uri must be a loopback URL on 127.0.0.1 or [::1].';
  }
  if (!url.port) return 'redirect_uri must name its port.';
  if (
    url.pathname !== client.loopbackRedirectPath ||
    url.search ||
    url.hash ||
    url.username ||
    url.password
  ) {
    return `redirect_uri must be exactly http://127.0.0.1:PORT${client.loopbackRedirectPath}.`;
  }
  // Exact matching: no normalization tricks (case, dot segments, default ports) get through.
  if (url.href !== raw) return 'redirect_uri is not in canonical form.';
  return null;
}
