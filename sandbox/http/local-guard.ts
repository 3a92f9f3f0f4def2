// The sandbox runs on this machine (demo mode embeds it in the app) with simulation controls that
// need no sign-in. Two cheap checks keep web pages out of it:
//  - Host must name the loopback address it listens on, so a DNS-rebinding page cannot reach it
//    under a name of its own;
//  - a browser request that changes something, from another origin, is refused, so no page can drive
//    the operator API or the sign-in form with a simple (preflight-free) request. Clients outside a
//    browser send no Origin.
import { createMiddleware } from 'hono/factory';
import { ApiProblem } from './errors.ts';

const LOOPBACK_NAMES = ['127.0.0.1', 'localhost', '[::1]'];

/** `origin()` is the sandbox's own origin, e.g. 'http://127.0.0.1:41234' (known once it listens). */
export function localGuard(origin: () => string) {
  return createMiddleware(async (c, next) => {
    const own = new URL(origin());
    // Bound to another interface on purpose (e.g. a shared test host): the Host check cannot know
    // its names, but the Origin check still holds.
    const loopback = LOOPBACK_NAMES.includes(own.hostname);
    const accepted = loopback ? LOOPBACK_NAMES.map((name) => `${name}:${own.port}`) : [own.host];
    const host = c.req.header('host')?.toLowerCase();
    if (loopback && (!host || !accepted.includes(host))) {
      throw new ApiProblem(
        421,
        'misdirected_request',
        `This sandbox answers only as ${accepted.join(' or ')}.`,
      );
    }
    // Sec-Fetch-Site is set by the browser, not the page: 'same-site' covers other ports of the same
    // address. A page under `Referrer-Policy: no-referrer` (our sign-in form) posts with `Origin: null`,
    // which a sandboxed iframe elsewhere could also send, so null passes only when the browser vouches
    // for the request as same-origin.
    const site = c.req.header('sec-fetch-site');
    const from = c.req.header('origin');
    const ownOrigin = (value: string) => accepted.some((name) => value === `${own.protocol}//${name}`);
    // Only requests that change something are checked: a page may link or navigate here (the browser
    // shell opens the sign-in page from another port), and without CORS it cannot read a GET's answer.
    const changes = !['GET', 'HEAD', 'OPTIONS'].includes(c.req.method);
    const foreign =
      changes &&
      (site === 'cross-site' ||
        site === 'same-site' ||
        (from !== undefined && !ownOrigin(from) && !(from === 'null' && site === 'same-origin')));
    if (foreign) throw new ApiProblem(403, 'foreign_origin', 'Requests from other web pages are refused.');
    await next();
  });
}
