// Versioned schema migrations, as SQL in TypeScript modules (not .sql files on disk): the
// sandbox is bundled into Electron's main process, where there is no source tree to read from.
// Append new migrations at the end; never edit one that has shipped.

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export const migrations: readonly Migration[] = [
  {
    version: 1,
    name: 'accounts',
    sql: `
      CREATE TABLE accounts (
        id            TEXT PRIMARY KEY,
        email         TEXT NOT NULL UNIQUE COLLATE NOCASE,
        display_name  TEXT NOT NULL,
        referral_code TEXT NOT NULL UNIQUE,
        created_at    TEXT NOT NULL
      ) STRICT;
    `,
  },
];
