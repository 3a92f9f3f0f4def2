// The sandbox's sign-in page: plain HTML, no script, its own strict CSP. The e-mail and password
// are typed here, in the user's browser, never inside the companion.

export interface SignInPageOptions {
  clientName: string;
  /** The authorization request, carried through the form unchanged. */
  hidden: Record<string, string>;
  email?: string;
  error?: string;
  /** Shown only in demo mode. */
  demoCredentials?: { email: string; password: string } | undefined;
  nonce: string;
}

const escapes: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/gu, (ch) => escapes[ch] ?? ch);
}

const style = `
  body { font: 15px/1.45 system-ui, sans-serif; background: #f3f4f6; color: #111827; margin: 0; }
  main { max-width: 380px; margin: 8vh auto; background: #fff; padding: 28px; border-radius: 10px;
         box-shadow: 0 1px 3px rgba(0,0,0,.12); }
  h1 { font-size: 20px; margin: 0 0 6px; }
  p.sub { margin: 0 0 18px; color: #4b5563; }
  label { display: block; margin: 12px 0 4px; font-weight: 600; }
  input[type=email], input[type=password] { width: 100%; box-sizing: border-box; padding: 8px 10px;
         border: 1px solid #d1d5db; border-radius: 6px; font: inherit; }
  .actions { display: flex; gap: 10px; margin-top: 20px; }
  button { padding: 8px 16px; border-radius: 6px; border: 1px solid #d1d5db; font: inherit; cursor: pointer; }
  button.primary { background: #2563eb; border-color: #2563eb; color: #fff; }
  .error { background: #fef2f2; color: #991b1b; border: 1px solid #fecaca; padding: 8px 10px; border-radius: 6px; }
  .demo { background: #eff6ff; border: 1px solid #bfdbfe; padding: 8px 10px; border-radius: 6px; margin-top: 18px; }
  code { font-size: 14px; }
`;

export function signInPage(options: SignInPageOptions): string {
  const hidden = Object.entries(options.hidden)
    .map(([name, value]) => `<input type="hidden" name="${escapeHtml(name)}" value="${escapeHtml(value)}">`)
    .join('\n      ');
  const error = options.error
    ? `<p class="error" role="alert" data-testid="sign-in-error">${escapeHtml(options.error)}</p>`
    : '';
  const demo = options.demoCredentials
    ? `<p class="demo" data-testid="demo-credentials">Demo account: <code>${escapeHtml(options.demoCredentials.email)}</code>
      / <code>${escapeHtml(options.demoCredentials.password)}</code></p>`
    : '';
  return page(
    'Sign in',
    options.nonce,
    `<h1>Sign in to Quantower</h1>
    <p class="sub">${escapeHtml(options.clientName)} asks to see your referral account.</p>
    ${error}
    <form method="post" action="/oauth/authorize">
      ${hidden}
      <label for="email">E-mail</label>
      <input id="email" name="email" type="email" autocomplete="username" required value="${escapeHtml(options.email ?? '')}">
      <label for="password">Password</label>
      <input id="password" name="password" type="password" autocomplete="current-password" required>
      <div class="actions">
        <button class="primary" type="submit" name="action" value="sign-in">Sign in</button>
        <button type="submit" name="action" value="deny" formnovalidate>Cancel</button>
      </div>
    </form>
    ${demo}`,
  );
}

/** An error the user sees in the browser when the request cannot be sent back to the app. */
export function errorPage(message: string, nonce: string): string {
  return page(
    'Sign-in problem',
    nonce,
    `<h1>This sign-in request cannot be completed</h1>
    <p class="error" role="alert" data-testid="authorize-error">${escapeHtml(message)}</p>
    <p class="sub">Start signing in again from the Referral Companion.</p>`,
  );
}

function page(title: string, nonce: string, body: string): string {
  return `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>${escapeHtml(title)} · Quantower accounts sandbox</title>
  <style nonce="${escapeHtml(nonce)}">${style}</style>
</head>
<body>
  <main>
    ${body}
  </main>
</body>
</html>`;
}
