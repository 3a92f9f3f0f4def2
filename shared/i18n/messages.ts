// The shape a translation must have: every key of the English resource, each a string. Extra keys
// are allowed only for plural forms a language needs beyond English's (Russian: _few, _many); the
// key-parity test (i18n.test.ts) checks the rest at run time.
export type Messages<T> = {
  [K in keyof T]: T[K] extends string ? string : Messages<T[K]>;
} & Record<string, unknown>;
