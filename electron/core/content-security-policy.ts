// One Content-Security-Policy for the renderer in both shells (Electron's app:// protocol and
// the browser shell's HTTP server), so the UI is held to the same rules wherever it runs.
// Nothing remote, nothing inline but the page's own stylesheet, allowed by its hash (the page
// inlines it so the pre-rendered first paint waits for no request; docs/first-paint.md).

export interface PolicyOptions {
  /** 'sha256-…' sources of the inline <style> elements the page carries. */
  styleHashes?: readonly string[];
  /** For a <meta> element: frame-ancestors is left out because browsers ignore it there. */
  forMeta?: boolean;
}

export function contentSecurityPolicy(options: PolicyOptions = {}): string {
  const styles = (options.styleHashes ?? []).map((hash) => ` '${hash}'`).join('');
  return [
    "default-src 'none'",
    "script-src 'self'",
    `style-src 'self'${styles}`,
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "base-uri 'none'",
    "form-action 'none'",
    ...(options.forMeta ? [] : ["frame-ancestors 'none'"]),
    "object-src 'none'",
  ].join('; ');
}

export const CONTENT_SECURITY_POLICY = contentSecurityPolicy();

/** Headers every renderer response carries, in both shells (the page's own CSP adds its style hash). */
export function rendererSecurityHeaders(
  options: Pick<PolicyOptions, 'styleHashes'> = {},
): Record<string, string> {
  return {
    'content-security-policy': contentSecurityPolicy(options),
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
    'cross-origin-opener-policy': 'same-origin',
    'cross-origin-resource-policy': 'same-origin',
  };
}

export const RENDERER_SECURITY_HEADERS: Readonly<Record<string, string>> = Object.freeze(
  rendererSecurityHeaders(),
);
