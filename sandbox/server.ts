// Starts the accounts sandbox: database, seed, HTTP server. Used by the CLI, the demo mode of
// both shells, and every integration test.
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { DEFAULT_REFERRAL_LINK_BASE } from '../shared/referral-link.ts';
import { type Database, openSandboxDatabase } from './db/database.ts';
import { seedDemoPartner } from './db/seed.ts';
import { createSandboxApp } from './http/app.ts';
import type { SandboxLog } from './http/errors.ts';
import { createEventBell } from './http/event-stream.ts';
import type { OAuthOptions } from './oauth/app.ts';
import { DEMO_CREDENTIALS, seedDemoCredentials } from './oauth/demo.ts';
import type { ProgramContext } from './program/context.ts';
import { seedDemoWorld } from './program/demo-world.ts';

/** demo/test: seeded demo partner and simulation controls; standalone: an empty world. */
export type SandboxMode = 'demo' | 'test' | 'standalone';
export const sandboxModes: readonly SandboxMode[] = ['demo', 'test', 'standalone'];

export interface SandboxOptions {
  /** SQLite file; default ':memory:'. */
  databasePath?: string;
  /** Default '127.0.0.1': the sandbox is for this machine only. */
  host?: string;
  /** Default 0: any free port. */
  port?: number;
  /** Default 'test'. */
  mode?: SandboxMode;
  linkBase?: string;
  /** Token lifetimes, clock and sign-in limits of the authorization server (tests shorten them). */
  oauth?: Pick<OAuthOptions, 'lifetimes' | 'now' | 'signInLimit'>;
  /** The referral program's clock; default the real one. Tests move it to cross hold periods. */
  now?: () => Date;
  /** Where unhandled errors are reported (default: the console; embedded: the companion's log). */
  log?: SandboxLog;
}

export interface RunningSandbox {
  /** e.g. 'http://127.0.0.1:41234/' (always with a trailing slash). */
  url: string;
  mode: SandboxMode;
  db: Database;
  /** The seeded demo partner in demo/test mode, else undefined. */
  demoPartnerId: string | undefined;
  /** The domain context, for tests and tools that drive the world in-process. */
  ctx: ProgramContext;
  close(): Promise<void>;
}

export async function startSandbox(options: SandboxOptions = {}): Promise<RunningSandbox> {
  const mode = options.mode ?? 'test';
  if (!sandboxModes.includes(mode)) throw new TypeError(`Unknown sandbox mode: ${String(mode)}`);
  const host = options.host ?? '127.0.0.1';
  const port = options.port ?? 0;
  if (!Number.isInteger(port) || port < 0 || port > 65_535) throw new RangeError(`Bad port: ${port}`);
  const linkBase = options.linkBase ?? DEFAULT_REFERRAL_LINK_BASE;

  const db = openSandboxDatabase(options.databasePath ?? ':memory:');
  try {
    const demoPartnerId = mode === 'standalone' ? undefined : seedDemoPartner(db);
    if (demoPartnerId) await seedDemoCredentials(db, demoPartnerId);
    let origin = '';
    const bell = createEventBell();
    const ctx: ProgramContext = {
      db,
      now: options.now ?? (() => new Date()),
      baseUrl: () => `${origin}/`,
      onEvents: () => bell.ring(),
    };
    if (mode === 'demo' && demoPartnerId) seedDemoWorld(ctx, demoPartnerId);
    const app = createSandboxApp({
      ctx,
      bell,
      linkBase,
      demoPartnerId,
      operator: mode !== 'standalone',
      ...(options.log ? { log: options.log } : {}),
      oauth: {
        ...options.oauth,
        issuer: () => origin,
        demoCredentials: mode === 'demo' ? DEMO_CREDENTIALS : undefined,
      },
    });

    const { server, address } = await new Promise<{ server: ReturnType<typeof serve>; address: AddressInfo }>(
      (resolve, reject) => {
        const server = serve({ fetch: app.fetch, hostname: host, port }, (info) =>
          resolve({ server, address: info }),
        );
        server.once('error', reject);
      },
    );

    origin = `http://${formatHost(address.address)}:${address.port}`;
    let closing: Promise<void> | undefined;
    return {
      url: `${origin}/`,
      mode,
      db,
      demoPartnerId,
      ctx,
      close() {
        closing ??= new Promise<void>((resolve, reject) => {
          bell.ring();
          server.close((error) => (error ? reject(error) : resolve()));
          // Long-lived connections (keep-alive, event streams) would hold close() forever.
          if ('closeAllConnections' in server) server.closeAllConnections();
        }).finally(() => {
          if (db.isOpen) db.close();
        });
        return closing;
      },
    };
  } catch (error) {
    if (db.isOpen) db.close();
    throw error;
  }
}

function formatHost(address: string): string {
  return address.includes(':') ? `[${address}]` : address;
}
