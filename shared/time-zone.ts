// Time zone names, zod-free (the renderer uses it without the contract's schemas).

const knownTimeZones = new Map<string, boolean>();

/**
 * Whether `name` is a time zone the runtime knows (its IANA names and their aliases, in any case
 * Intl accepts): constructing an Intl.DateTimeFormat with it is the test. Answers are cached.
 */
export function isKnownTimeZone(name: string): boolean {
  let known = knownTimeZones.get(name);
  if (known === undefined) {
    // A name, not a UTC offset ("+03:00" is accepted by newer Intl but is no IANA zone).
    known = /^[A-Za-z][A-Za-z0-9_+\-/]*$/u.test(name);
    if (known) {
      try {
        new Intl.DateTimeFormat('en-US', { timeZone: name });
      } catch {
        known = false;
      }
    }
    if (knownTimeZones.size < 1_000) knownTimeZones.set(name, known);
  }
  return known;
}
