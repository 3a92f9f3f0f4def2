// Registers a path's handlers per method, then a catch-all that answers 405 with an Allow
// header: Hono alone would answer a wrong method with 404.
import type { Env, Handler, Hono } from 'hono';
import { ApiProblem } from './errors.ts';

type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';

export function resource<E extends Env>(
  app: Hono<E>,
  path: string,
  handlers: Partial<Record<Method, Handler<E>>>,
): void {
  const methods = Object.keys(handlers) as Method[];
  for (const method of methods) {
    app.on(method.toUpperCase(), path, handlers[method] as Handler<E>);
  }
  const allow = [...methods, ...(methods.includes('get') ? ['head'] : [])].join(', ').toUpperCase();
  app.all(path, (c) => {
    throw new ApiProblem(405, 'method-not-allowed', `${c.req.method} is not allowed on ${c.req.path}.`, {
      allow,
    });
  });
}
