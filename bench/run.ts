// `npm run bench`: runs every bench/*.bench.ts in turn, each in its own Node process (this Node),
// and prints what they print. Figures are printed, not asserted; a bench that crashes fails the run.
import { spawn } from 'node:child_process';
import { readdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

const benchDir = fileURLToPath(new URL('.', import.meta.url));

/** Each bench file's limit: a bench that hangs is killed and reported, and the rest still run. */
const BENCH_LIMIT_MS = Number(process.env.BENCH_LIMIT_S ?? 600) * 1000;

function runBench(file: string): Promise<number | 'timeout'> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [file], { cwd: benchDir, stdio: 'inherit' });
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      resolve('timeout');
    }, BENCH_LIMIT_MS);
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      resolve(code ?? (signal ? 1 : 0));
    });
    child.on('error', () => {
      clearTimeout(timer);
      resolve(1);
    });
  });
}

const benches = (await readdir(benchDir)).filter((name) => name.endsWith('.bench.ts')).sort();
if (benches.length === 0) throw new Error(`No *.bench.ts in ${benchDir}`);
const failed: string[] = [];
for (const bench of benches) {
  console.log(`\n=== ${bench} ===`);
  const started = performance.now();
  const code = await runBench(bench);
  console.log(
    `--- ${bench}: ${code === 0 ? 'done' : code === 'timeout' ? `FAILED (no end after ${BENCH_LIMIT_MS / 1000} s)` : `FAILED (exit ${code})`} in ${((performance.now() - started) / 1000).toFixed(1)} s`,
  );
  if (code !== 0) failed.push(bench);
}
if (failed.length > 0) {
  console.error(`\n${failed.length} bench(es) failed: ${failed.join(', ')}`);
  process.exitCode = 1;
}
