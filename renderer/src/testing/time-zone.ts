// Makes Intl report another time zone as the user's (what the UI reads with
// Intl.DateTimeFormat().resolvedOptions().timeZone). Undo with vi.restoreAllMocks().
import { vi } from 'vitest';

const resolved = Intl.DateTimeFormat.prototype.resolvedOptions;

export function pretendTimeZone(timeZone: string): void {
  vi.spyOn(Intl.DateTimeFormat.prototype, 'resolvedOptions').mockImplementation(function (
    this: Intl.DateTimeFormat,
  ) {
    return { ...resolved.call(this), timeZone };
  });
}
