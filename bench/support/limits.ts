// Time limits for bench steps: a step that never reaches its state fails loudly with what it waited
// for, instead of hanging the whole `npm run bench` (bench/run.ts also limits each bench file).

/** Polls `reached` every `everyMs` until it is true; throws after `limitMs` naming `what`. */
export async function waitUntil(
  what: string,
  reached: () => boolean,
  { limitMs = 30_000, everyMs = 10 }: { limitMs?: number; everyMs?: number } = {},
): Promise<void> {
  const deadline = performance.now() + limitMs;
  while (!reached()) {
    if (performance.now() > deadline) throw new Error(`bench step timed out after ${limitMs} ms: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
}

/** `step()`, or an error naming `what` once `limitMs` have passed (the step itself is not stopped). */
export async function withLimit<T>(what: string, limitMs: number, step: () => Promise<T> | T): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const limit = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new Error(`bench step timed out after ${limitMs} ms: ${what}`)), limitMs);
  });
  try {
    return await Promise.race([Promise.resolve().then(step), limit]);
  } finally {
    clearTimeout(timer);
  }
}

const failedParts: string[] = [];

/**
 * One part of a bench, within `limitMs`: a part that throws or overruns is printed as FAILED and the
 * bench goes on with its next part (synchronous code cannot be cut short: bench/run.ts's limit on
 * the whole file covers it). Answers whether the part finished.
 */
export async function part(what: string, limitMs: number, run: () => Promise<void> | void): Promise<boolean> {
  try {
    await withLimit(what, limitMs, run);
    return true;
  } catch (error) {
    console.log(
      `FAILED: ${what}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
    );
    failedParts.push(what);
    return false;
  }
}

/**
 * The bench's last word, after its clean-up: with a part failed it exits 1 at once (a part cut
 * short may still hold a timer or a socket that would keep the process alive).
 */
export function finish(): void {
  if (failedParts.length === 0) return;
  console.log(`${failedParts.length} part(s) failed: ${failedParts.join('; ')}`);
  process.exit(1);
}
