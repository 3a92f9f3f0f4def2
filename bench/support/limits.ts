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
