// A real HTTP server on 127.0.0.1 whose answers a test scripts per path: lets core's client be
// tested against actual sockets, status codes, delays and broken bodies.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export type Script = (req: IncomingMessage, res: ServerResponse, hit: number) => void;

export interface ScriptedServer {
  url: string;
  hits: Map<string, number>;
  on(path: string, script: Script): void;
  close(): Promise<void>;
}

export async function startScriptedServer(): Promise<ScriptedServer> {
  const scripts = new Map<string, Script>();
  const hits = new Map<string, number>();
  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    const hit = (hits.get(path) ?? 0) + 1;
    hits.set(path, hit);
    const script = scripts.get(path);
    if (!script) return json(res, 404, { error: 'not_found', message: `No route ${path}` });
    script(req, res, hit);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    hits,
    on: (path, script) => scripts.set(path, script),
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export function json(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
}
