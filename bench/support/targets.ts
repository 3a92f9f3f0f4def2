// How the benches print a target: the figure as a ratio to a floor measured in the same run (the
// machines here are shared: absolute times vary 2x with load, ratios much less), the target in
// brackets, the absolute figures after it as detail. Printed, never asserted. Under bench/run.ts
// each target is also noted in BENCH_TARGETS_FILE, and the run ends with a summary of them all.
import { appendFileSync } from 'node:fs';

/** One line of the summary: what bench/run.ts reads back (JSON, a line each). */
export interface TargetNote {
  figure: string;
  /** The figure as printed: '1.85x', '1/262', '3'. */
  shown: string;
  /** The target as printed in the brackets: '≤ 1.5x', '≤ 1/20', '0'. */
  target: string;
  met: boolean;
}

export const TARGETS_FILE_VARIABLE = 'BENCH_TARGETS_FILE';

/** The width the figures' names are padded to, so the values line up. */
const LABEL_WIDTH = 46;

function note(entry: TargetNote, detail: string): void {
  console.log(
    `${entry.figure.padEnd(LABEL_WIDTH)} : ${entry.shown}  [${entry.target}]${detail ? `  ${detail}` : ''}`,
  );
  const file = process.env[TARGETS_FILE_VARIABLE];
  if (file) appendFileSync(file, `${JSON.stringify(entry)}\n`);
}

/** A supporting figure on the same layout as the targets, with no target of its own. */
export function detail(figure: string, text: string): void {
  console.log(`${figure.padEnd(LABEL_WIDTH)} : ${text}`);
}

const times = (value: number) => `${Number(value.toFixed(2))}x`;

/** `value / floor`, the target `≤ atMost` times the floor (for a rate, pass costs: time per item). */
export function ratioTarget(figure: string, value: number, floor: number, atMost: number, more = ''): void {
  const ratio = value / floor;
  note(
    {
      figure,
      shown: Number.isFinite(ratio) ? `${ratio.toFixed(2)}x` : 'n/a',
      target: `≤ ${times(atMost)}`,
      met: ratio <= atMost,
    },
    more,
  );
}

/** `part / whole` as one in so many, the target at most one in `oneIn`. */
export function fractionTarget(figure: string, part: number, whole: number, oneIn: number, more = ''): void {
  const shown = part === 0 ? '0' : `1/${Math.round(whole / part)}`;
  note({ figure, shown, target: `≤ 1/${oneIn}`, met: part * oneIn <= whole }, more);
}

/** A count, the target at most `atMost` (0: none). */
export function countTarget(figure: string, count: number, atMost: number, more = ''): void {
  note(
    { figure, shown: String(count), target: atMost === 0 ? '0' : `≤ ${atMost}`, met: count <= atMost },
    more,
  );
}
