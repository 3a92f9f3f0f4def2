// `npm run bench`: runs every bench/*.bench.ts in turn, each in its own Node process (this Node),
// and prints what they print. Figures are printed, not asserted; a bench that crashes fails the run.
import { spawn } from 'node:child_process';
import { readdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

const benchDir = fileURLToPath(new URL('.', import.meta.url));

function runBench(file: string): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [file], { cwd: benchDir, stdio: 'inherit' });
    child.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
    child.on('error', () => resolve(1));
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
    `--- ${bench}: ${code === 0 ? 'done' : `FAILED (exit ${code})`} in ${((performance.now() - started) / 1000).toFixed(1)} s`,
  );
  if (code !== 0) failed.push(bench);
}
if (failed.length > 0) {
  console.error(`\n${failed.length} bench(es) failed: ${failed.join(', ')}`);
  process.exitCode = 1;
}
