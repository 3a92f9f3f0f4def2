// Timers for a module that takes injected timers: nothing runs by itself. A test reads what is
// planned and after how long, then runs it when it chooses, so no test waits on the wall clock.

import type { Timers } from '../../electron/core/timers.ts';

export interface HeldTimers extends Timers {
  /** The delays of the timers set and not yet run or cleared, in the order they were set. */
  readonly planned: number[];
  /** Runs the earliest-set pending timer; throws when none is pending. */
  runNext(): void;
}

export function heldTimers(): HeldTimers {
  let next = 1;
  const pending = new Map<number, { ms: number; callback: () => void }>();
  return {
    setTimeout(callback, ms) {
      const id = next++;
      pending.set(id, { ms, callback });
      return id;
    },
    clearTimeout(handle) {
      pending.delete(handle as number);
    },
    get planned() {
      return [...pending.values()].map((timer) => timer.ms);
    },
    runNext() {
      const [id, timer] = [...pending][0] ?? [];
      if (id === undefined || !timer) throw new Error('No timer is pending.');
      pending.delete(id);
      timer.callback();
    },
  };
}
