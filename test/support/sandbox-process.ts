// Runs the sandbox as a real child process (the same CLI a developer uses) for integration tests.
import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';

const cli = fileURLToPath(new URL('../../sandbox/cli.ts', import.meta.url));

export interface SandboxProcess {
  url: string;
  port: number;
  stop(): Promise<void>;
}

export async function spawnSandbox(
  args: { port?: number; db?: string; mode?: string } = {},
): Promise<SandboxProcess> {
  const child: ChildProcess = spawn(
    process.execPath,
    [cli, '--port', String(args.port ?? 0), '--db', args.db ?? ':memory:', '--mode', args.mode ?? 'test'],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`sandbox did not start:\n${output}`)), 15_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /listening on (http:\/\/127\.0\.0\.1:\d+\/)/u.exec(output);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`sandbox exited with ${code}:\n${output}`));
    });
  });
  return {
    url,
    port: Number(new URL(url).port),
    async stop() {
      if (child.exitCode !== null) return;
      child.kill('SIGTERM');
      await once(child, 'exit');
    },
  };
}
