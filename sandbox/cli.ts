// `npm run sandbox -- [--port N] [--host H] [--db PATH] [--mode demo|test|standalone]` serves;
// `npm run sandbox -- <command> --url URL …` drives a running sandbox (see operator-cli.ts).
import { parseArgs } from 'node:util';
import { errorMessage } from '../shared/error-message.ts';
import { operatorCommands, operatorUsage, runOperatorCommand } from './operator-cli.ts';
import { type SandboxMode, sandboxModes, startSandbox } from './server.ts';

const usage = `Usage: npm run sandbox -- [--port N] [--host H] [--db PATH] [--mode demo|test|standalone]
Simulation commands (demo/test mode):
${operatorUsage()}`;

async function main(): Promise<void> {
  const [first, ...rest] = process.argv.slice(2);
  if (first !== undefined && Object.hasOwn(operatorCommands, first)) {
    process.exitCode = await runOperatorCommand(first, rest);
    return;
  }
  const { values } = parseArgs({
    options: {
      port: { type: 'string', default: '0' },
      host: { type: 'string', default: '127.0.0.1' },
      db: { type: 'string', default: ':memory:' },
      mode: { type: 'string', default: 'demo' },
      help: { type: 'boolean', short: 'h', default: false },
    },
    strict: true,
  });
  if (values.help) {
    console.log(usage);
    return;
  }
  const port = Number(values.port);
  if (!/^\d+$/u.test(values.port) || port > 65_535)
    throw new Error(`--port must be 0..65535, got ${values.port}`);
  if (!sandboxModes.includes(values.mode as SandboxMode)) {
    throw new Error(`--mode must be one of ${sandboxModes.join(', ')}, got ${values.mode}`);
  }
  const sandbox = await startSandbox({
    port,
    host: values.host,
    databasePath: values.db,
    mode: values.mode as SandboxMode,
  });
  console.log(`Sandbox (${sandbox.mode}) listening on ${sandbox.url}  db: ${values.db}`);

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`\n${signal}: closing the sandbox…`);
    sandbox.close().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(error);
        process.exit(1);
      },
    );
  };
  process.once('SIGINT', () => stop('SIGINT'));
  process.once('SIGTERM', () => stop('SIGTERM'));
}

main().catch((error: unknown) => {
  console.error(errorMessage(error));
  console.error(usage);
  process.exit(2);
});
