// `npm run bench`: runs every bench/*.bench.ts in turn, each in its own Node process (this Node),
// and prints what they print, then a summary of every target: its ratio to a floor measured in the
// same run, the target, met or not. Figures are printed, not asserted; a bench that crashes or
// overruns its limit fails the run, and the rest still run.
// `node bench/run.ts [word ...]` runs only the benches whose file names contain one of the words.
import { spawn } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { TARGETS_FILE_VARIABLE, type TargetNote } from './support/targets.ts';

const benchDir = fileURLToPath(new URL('.', import.meta.url));

/** Each bench file's limit: a bench that hangs is killed and reported, and the rest still run. */
const BENCH_LIMIT_MS = Number(process.env.BENCH_LIMIT_S ?? 900) * 1000;

/** The bench running now, if any: ended with its whole process group if this run is interrupted. */
let running: number | undefined;
const killGroup = (pid: number) => {
  try {
    process.kill(-pid, 'SIGKILL');
  } catch {
    // Already gone.
  }
};
for (const signal of ['SIGINT', 'SIGTERM'] as const)
  process.once(signal, () => {
    if (running !== undefined) killGroup(running);
    process.exit(130);
  });

function runBench(file: string, targetsFile: string): Promise<number | 'timeout'> {
  return new Promise((settle) => {
    const resolve = (outcome: number | 'timeout') => {
      running = undefined;
      settle(outcome);
    };
    // Its own process group, so that the limit ends what it started too (a server, a browser).
    const child = spawn(process.execPath, [file], {
      cwd: benchDir,
      stdio: 'inherit',
      detached: true,
      env: { ...process.env, [TARGETS_FILE_VARIABLE]: targetsFile },
    });
    running = child.pid;
    const timer = setTimeout(() => {
      if (child.pid !== undefined) killGroup(child.pid);
      resolve('timeout');
    }, BENCH_LIMIT_MS);
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      // Whatever the bench started and left behind ends with it.
      if (child.pid !== undefined) killGroup(child.pid);
      resolve(code ?? (signal ? 1 : 0));
    });
    child.on('error', () => {
      clearTimeout(timer);
      resolve(1);
    });
  });
}

async function targetsOf(file: string): Promise<TargetNote[]> {
  const text = await readFile(file, 'utf8').catch(() => '');
  return text
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as TargetNote);
}

const words = process.argv.slice(2);
const benches = (await readdir(benchDir))
  .filter((name) => name.endsWith('.bench.ts'))
  .filter((name) => words.length === 0 || words.some((word) => name.includes(word)))
  .sort();
if (benches.length === 0)
  throw new Error(`No *.bench.ts in ${benchDir}${words.length ? ` matching ${words}` : ''}`);
const notesDir = await mkdtemp(join(tmpdir(), 'bench-targets-'));
const runStarted = performance.now();
const failed: string[] = [];
const summary: string[] = [];
let targets = 0;
let met = 0;
try {
  for (const bench of benches) {
    console.log(`\n=== ${bench} ===`);
    const started = performance.now();
    const targetsFile = join(notesDir, `${bench}.jsonl`);
    const code = await runBench(bench, targetsFile);
    const outcome =
      code === 0
        ? 'done'
        : code === 'timeout'
          ? `FAILED (no end after ${BENCH_LIMIT_MS / 1000} s)`
          : `FAILED (exit ${code})`;
    console.log(`--- ${bench}: ${outcome} in ${((performance.now() - started) / 1000).toFixed(1)} s`);
    if (code !== 0) failed.push(bench);
    for (const target of await targetsOf(targetsFile)) {
      targets += 1;
      if (target.met) met += 1;
      summary.push(
        `  ${(target.met ? 'met' : 'NOT MET').padEnd(8)}${target.shown.padStart(7)}  ${`[${target.target}]`.padEnd(9)} ${bench.replace('.bench.ts', '')}: ${target.figure}`,
      );
    }
    if (code !== 0) summary.push(`  ${bench}: ${outcome}; a target it did not reach is missing here`);
  }
} finally {
  await rm(notesDir, { recursive: true, force: true });
}
console.log('\n=== Targets: each figure to its floor in this run (printed, not asserted) ===');
console.log(summary.join('\n'));
console.log(
  `\n${met} of ${targets} targets met; ${benches.length} bench(es) in ${((performance.now() - runStarted) / 1000).toFixed(0)} s, ${failed.length} failed`,
);
if (failed.length > 0) {
  console.error(`${failed.length} bench(es) failed: ${failed.join(', ')}`);
  process.exitCode = 1;
}
