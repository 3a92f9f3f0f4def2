export function median(values: readonly number[]): number {
  if (values.length === 0) throw new RangeError('median of nothing');
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2
    ? (sorted[middle] as number)
    : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}

export const ms = (value: number) => `${value.toFixed(0)} ms`;
export const kB = (bytes: number) => `${(bytes / 1000).toFixed(1)} kB`;
export const ratio = (value: number, floor: number) => `${(value / floor).toFixed(2)}x`;

export interface Timing {
  median: number;
  p95: number;
  max: number;
}

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((sorted.length * p) / 100))] ?? Number.NaN;
}

/**
 * Times each synchronous function `runs` times, in turn (a, b, a, b, …, so load on the machine
 * falls on all alike), after `warmup` unmeasured rounds; ms.
 */
export function timeInTurn<Name extends string>(
  runs: number,
  warmup: number,
  fns: Record<Name, () => unknown>,
): Record<Name, Timing> {
  const names = Object.keys(fns) as Name[];
  const times = Object.fromEntries(names.map((name) => [name, [] as number[]])) as Record<Name, number[]>;
  for (let run = 0; run < warmup + runs; run++)
    for (const name of names) {
      const start = performance.now();
      fns[name]();
      if (run >= warmup) times[name].push(performance.now() - start);
    }
  return Object.fromEntries(
    names.map((name) => {
      const sorted = [...times[name]].sort((a, b) => a - b);
      return [
        name,
        { median: percentile(sorted, 50), p95: percentile(sorted, 95), max: sorted.at(-1) ?? Number.NaN },
      ];
    }),
  ) as Record<Name, Timing>;
}
