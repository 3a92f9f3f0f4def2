// Versioned schema migrations, as SQL in TypeScript modules (not .sql files on disk): the
// sandbox is bundled into Electron's main process, where there is no source tree to read from.
// Append new migrations at the end; never edit one that has shipped.

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

// Sandbox data modelled on the public catalog (the prices are invented).
const platformPrices = { '1m': 5_000, '3m': 13_500, '6m': 25_000, '1y': 45_000, lifetime: 99_000 };
const catalog: ReadonlyArray<[id: string, name: string, kind: string, pricePercent: number]> = [
  ['crypto', 'Crypto', 'platform', 100],
  ['multi-asset', 'Multi-Asset', 'platform', 140],
  ['all-in-one', 'All-in-One', 'platform', 200],
  ['tpo', 'TPO add-on', 'addon', 40],
  ['dom-surface', 'DOM Surface add-on', 'addon', 40],
  ['power-trades', 'Power Trades add-on', 'addon', 40],
  ['option-analytics', 'Option Analytics add-on', 'addon', 60],
];
const catalogSql = catalog
  .flatMap(([id, name, kind, pricePercent]) => [
    `INSERT INTO products (id, name, kind) VALUES ('${id}', '${name}', '${kind}');`,
    ...Object.entries(platformPrices).map(
      ([term, cents]) =>
        `INSERT INTO catalog_items (sku, product_id, term, price_cents) VALUES ('${id}-${term}', '${id}', '${term}', ${(cents * pricePercent) / 100});`,
    ),
  ])
  .join('\n');

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
  {
    version: 2,
    name: 'referral program',
    sql: `
      -- R1: who referred an account is decided at registration and never changes.
      ALTER TABLE accounts ADD COLUMN referred_by TEXT REFERENCES accounts (id);
      ALTER TABLE accounts ADD COLUMN disqualified_at TEXT;
      ALTER TABLE accounts ADD COLUMN disqualification_reason TEXT;
      CREATE INDEX accounts_by_referrer ON accounts (referred_by, created_at, id);
      CREATE TRIGGER accounts_attribution_is_fixed BEFORE UPDATE OF referred_by ON accounts
        WHEN OLD.referred_by IS NOT NEW.referred_by
        BEGIN SELECT RAISE(ABORT, 'attribution is fixed at registration'); END;

      -- R2, R4, R8: versioned, dated terms; the version in force at a time is the latest
      -- effective_from <= that time.
      CREATE TABLE terms (
        version          INTEGER PRIMARY KEY,
        effective_from   TEXT NOT NULL UNIQUE,
        published_at     TEXT NOT NULL,
        rate_bp          INTEGER NOT NULL CHECK (rate_bp BETWEEN 0 AND 10000),
        min_payout_cents INTEGER NOT NULL CHECK (min_payout_cents >= 0),
        min_referrals    INTEGER NOT NULL CHECK (min_referrals >= 0),
        hold_days        INTEGER NOT NULL CHECK (hold_days >= 0),
        summary          TEXT NOT NULL
      ) STRICT;
      INSERT INTO terms VALUES (1, '2019-01-01T00:00:00.000Z', '2019-01-01T00:00:00.000Z', 2000, 5000, 0, 0,
        '20% of each purchase after discounts; withdrawals from $50.');
      INSERT INTO terms VALUES (2, '2022-11-21T00:00:00.000Z', '2022-11-21T00:00:00.000Z', 1500, 5000, 3, 0,
        '15% of each purchase after discounts; withdrawals from $50 with at least 3 referrals.');

      -- R2: the company may set a partner's rate; dated, so a purchase gets the rate of its time.
      -- A NULL rate returns the partner to the terms' rate.
      CREATE TABLE partner_rates (
        partner_id     TEXT NOT NULL REFERENCES accounts (id),
        effective_from TEXT NOT NULL,
        rate_bp        INTEGER CHECK (rate_bp BETWEEN 0 AND 10000),
        set_at         TEXT NOT NULL,
        PRIMARY KEY (partner_id, effective_from)
      ) STRICT;

      CREATE TABLE products (
        id   TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('platform', 'addon'))
      ) STRICT;
      CREATE TABLE catalog_items (
        sku         TEXT PRIMARY KEY,
        product_id  TEXT NOT NULL REFERENCES products (id),
        term        TEXT NOT NULL CHECK (term IN ('1m', '3m', '6m', '1y', 'lifetime')),
        price_cents INTEGER NOT NULL CHECK (price_cents >= 0)
      ) STRICT;
      ${catalogSql}

      CREATE TABLE licenses (
        account_id     TEXT NOT NULL REFERENCES accounts (id),
        product_id     TEXT NOT NULL REFERENCES products (id),
        lifetime       INTEGER NOT NULL DEFAULT 0 CHECK (lifetime IN (0, 1)),
        available_till TEXT,
        updated_at     TEXT NOT NULL,
        PRIMARY KEY (account_id, product_id)
      ) STRICT;

      CREATE TABLE purchases (
        id               INTEGER PRIMARY KEY,
        buyer_id         TEXT NOT NULL REFERENCES accounts (id),
        sku              TEXT NOT NULL REFERENCES catalog_items (sku),
        list_price_cents INTEGER NOT NULL CHECK (list_price_cents >= 0),
        discount_cents   INTEGER NOT NULL CHECK (discount_cents BETWEEN 0 AND list_price_cents),
        paid_cents       INTEGER NOT NULL CHECK (paid_cents = list_price_cents - discount_cents),
        purchased_at     TEXT NOT NULL
      ) STRICT;
      CREATE TABLE refunds (
        id           INTEGER PRIMARY KEY,
        purchase_id  INTEGER NOT NULL REFERENCES purchases (id),
        amount_cents INTEGER NOT NULL CHECK (amount_cents > 0),
        refunded_at  TEXT NOT NULL
      ) STRICT;
      CREATE INDEX refunds_by_purchase ON refunds (purchase_id);

      CREATE TABLE payouts (
        id            TEXT PRIMARY KEY,
        partner_id    TEXT NOT NULL REFERENCES accounts (id),
        amount_cents  INTEGER NOT NULL CHECK (amount_cents > 0),
        method        TEXT NOT NULL,
        destination   TEXT NOT NULL,
        status        TEXT NOT NULL CHECK (status IN ('requested', 'processing', 'paid', 'rejected', 'cancelled')),
        reason        TEXT,
        terms_version INTEGER NOT NULL REFERENCES terms (version),
        requested_at  TEXT NOT NULL,
        updated_at    TEXT NOT NULL,
        seq           INTEGER NOT NULL UNIQUE
      ) STRICT;
      CREATE INDEX payouts_by_partner ON payouts (partner_id, seq);

      CREATE TABLE credits (
        id              TEXT PRIMARY KEY,
        partner_id      TEXT NOT NULL REFERENCES accounts (id),
        sku             TEXT NOT NULL REFERENCES catalog_items (sku),
        price_cents     INTEGER NOT NULL,
        credit_cents    INTEGER NOT NULL CHECK (credit_cents > 0 AND credit_cents <= price_cents),
        remainder_cents INTEGER NOT NULL CHECK (remainder_cents = price_cents - credit_cents),
        status          TEXT NOT NULL CHECK (status IN ('applied', 'awaiting-payment', 'cancelled')),
        created_at      TEXT NOT NULL,
        updated_at      TEXT NOT NULL,
        seq             INTEGER NOT NULL UNIQUE
      ) STRICT;
      CREATE INDEX credits_by_partner ON credits (partner_id, seq);

      -- The ledger: every movement of a partner's money, signed, append-only (refunds,
      -- cancellations, payouts are new entries). Balances are sums over it.
      CREATE TABLE ledger (
        id            INTEGER PRIMARY KEY,
        partner_id    TEXT NOT NULL REFERENCES accounts (id),
        kind          TEXT NOT NULL CHECK (kind IN ('commission', 'reversal', 'cancellation',
                        'payout_hold', 'payout_hold_release', 'payout',
                        'credit_hold', 'credit_hold_release', 'credit')),
        amount_cents  INTEGER NOT NULL,
        purchase_id   INTEGER REFERENCES purchases (id),
        refund_id     INTEGER REFERENCES refunds (id),
        payout_id     TEXT REFERENCES payouts (id),
        credit_id     TEXT REFERENCES credits (id),
        referral_id   TEXT REFERENCES accounts (id),
        rate_bp       INTEGER,
        terms_version INTEGER REFERENCES terms (version),
        purchased_at  TEXT,
        available_at  TEXT NOT NULL,
        created_at    TEXT NOT NULL
      ) STRICT;
      CREATE INDEX ledger_commissions ON ledger (partner_id, id) WHERE kind IN ('commission', 'reversal');
      CREATE INDEX ledger_by_purchase ON ledger (purchase_id, kind) WHERE purchase_id IS NOT NULL;
      CREATE INDEX ledger_pending ON ledger (partner_id, available_at, amount_cents);
      CREATE TRIGGER ledger_no_update BEFORE UPDATE ON ledger
        BEGIN SELECT RAISE(ABORT, 'the ledger is append-only'); END;
      CREATE TRIGGER ledger_no_delete BEFORE DELETE ON ledger
        BEGIN SELECT RAISE(ABORT, 'the ledger is append-only'); END;

      -- Per-partner, per-kind running sums, kept by trigger so a balance never scans the ledger.
      CREATE TABLE ledger_totals (
        partner_id   TEXT NOT NULL,
        kind         TEXT NOT NULL,
        amount_cents INTEGER NOT NULL,
        entries      INTEGER NOT NULL,
        PRIMARY KEY (partner_id, kind)
      ) STRICT, WITHOUT ROWID;
      CREATE TRIGGER ledger_totals_upkeep AFTER INSERT ON ledger BEGIN
        INSERT INTO ledger_totals (partner_id, kind, amount_cents, entries)
        VALUES (NEW.partner_id, NEW.kind, NEW.amount_cents, 1)
        ON CONFLICT (partner_id, kind) DO UPDATE
          SET amount_cents = amount_cents + excluded.amount_cents, entries = entries + 1;
      END;

      -- Same key + same body → the stored answer; same key + another body → conflict.
      CREATE TABLE idempotency_keys (
        partner_id   TEXT NOT NULL,
        scope        TEXT NOT NULL,
        key          TEXT NOT NULL,
        request_hash TEXT NOT NULL,
        response     TEXT NOT NULL,
        created_at   TEXT NOT NULL,
        PRIMARY KEY (partner_id, scope, key)
      ) STRICT, WITHOUT ROWID;

      -- What the event stream replays; partner_id NULL = for everyone (terms published).
      CREATE TABLE events (
        id         INTEGER PRIMARY KEY,
        partner_id TEXT,
        type       TEXT NOT NULL,
        data       TEXT NOT NULL,
        at         TEXT NOT NULL
      ) STRICT;
      CREATE INDEX events_by_partner ON events (partner_id, id);
    `,
  },
  {
    version: 3,
    name: 'oauth',
    sql: `
      -- Sign-in (issue 3). Passwords as scrypt hashes; codes and tokens stored only as SHA-256
      -- hashes; times in epoch milliseconds.
      CREATE TABLE account_credentials (
        account_id    TEXT PRIMARY KEY REFERENCES accounts (id) ON DELETE CASCADE,
        password_hash TEXT NOT NULL,
        updated_at    TEXT NOT NULL
      ) STRICT;

      -- One family per sign-in: every refresh token rotated from it, and its access tokens.
      -- Revoking the family (sign-out, refresh token reuse, code replay) ends them all.
      CREATE TABLE oauth_token_families (
        id             TEXT PRIMARY KEY,
        client_id      TEXT NOT NULL,
        account_id     TEXT NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
        created_at     INTEGER NOT NULL,
        revoked_at     INTEGER,
        revoked_reason TEXT
      ) STRICT;

      CREATE TABLE oauth_codes (
        code_hash      TEXT PRIMARY KEY,
        client_id      TEXT NOT NULL,
        account_id     TEXT NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
        redirect_uri   TEXT NOT NULL,
        code_challenge TEXT NOT NULL,
        expires_at     INTEGER NOT NULL,
        used_at        INTEGER,
        family_id      TEXT REFERENCES oauth_token_families (id)
      ) STRICT;

      CREATE TABLE oauth_refresh_tokens (
        token_hash TEXT PRIMARY KEY,
        family_id  TEXT NOT NULL REFERENCES oauth_token_families (id) ON DELETE CASCADE,
        expires_at INTEGER NOT NULL,
        used_at    INTEGER
      ) STRICT;
      CREATE INDEX oauth_refresh_tokens_by_family ON oauth_refresh_tokens (family_id);

      CREATE TABLE oauth_access_tokens (
        token_hash TEXT PRIMARY KEY,
        family_id  TEXT NOT NULL REFERENCES oauth_token_families (id) ON DELETE CASCADE,
        expires_at INTEGER NOT NULL
      ) STRICT;
      CREATE INDEX oauth_access_tokens_by_family ON oauth_access_tokens (family_id);
    `,
  },
  {
    version: 4,
    name: 'commission filter indexes',
    sql: `
      -- A referral's commissions, and reversals alone, without walking all of a partner's rows.
      CREATE INDEX ledger_commissions_by_referral ON ledger (partner_id, referral_id, id)
        WHERE kind IN ('commission', 'reversal');
      CREATE INDEX ledger_reversals ON ledger (partner_id, id) WHERE kind = 'reversal';
    `,
  },
  {
    version: 5,
    name: 'earnings history indexes',
    sql: `
      -- The history (sandbox/program/earnings.ts) sorted by when an entry happened or by amount,
      -- keyset-paged; the expression is the one the queries use, so SQLite can read it from the index.
      CREATE INDEX ledger_history_by_date ON ledger
        (partner_id, (CASE kind WHEN 'commission' THEN purchased_at ELSE created_at END), id)
        WHERE kind IN ('commission', 'reversal', 'cancellation', 'payout', 'credit');
      CREATE INDEX ledger_history_by_amount ON ledger (partner_id, amount_cents, id)
        WHERE kind IN ('commission', 'reversal', 'cancellation', 'payout', 'credit');
      -- A referral's purchases, for the referral statistics.
      CREATE INDEX purchases_by_buyer ON purchases (buyer_id, paid_cents);
    `,
  },
  {
    version: 6,
    name: 'earnings series index',
    sql: `
      -- The earnings series (sandbox/program/earnings.ts) sums commission per UTC quarter hour,
      -- then maps the quarters to the user's local days, weeks or months. Ordered by the quarter,
      -- so SQLite groups while it reads the index (no sort), and covering (no table lookups).
      CREATE INDEX ledger_series ON ledger
        (partner_id, (unixepoch(CASE kind WHEN 'commission' THEN purchased_at ELSE created_at END) / 900),
         kind, amount_cents, purchased_at, created_at)
        WHERE kind IN ('commission', 'reversal');
    `,
  },
  {
    version: 7,
    name: 'when each ledger total last changed',
    sql: `
      -- The balance's asOf is the moment its figures last changed (not the moment of the request),
      -- so its ETag holds until they change and a conditional GET can answer 304.
      ALTER TABLE ledger_totals ADD COLUMN last_at TEXT NOT NULL DEFAULT '';
      UPDATE ledger_totals SET last_at = (
        SELECT MAX(created_at) FROM ledger l
        WHERE l.partner_id = ledger_totals.partner_id AND l.kind = ledger_totals.kind);
      DROP TRIGGER ledger_totals_upkeep;
      CREATE TRIGGER ledger_totals_upkeep AFTER INSERT ON ledger BEGIN
        INSERT INTO ledger_totals (partner_id, kind, amount_cents, entries, last_at)
        VALUES (NEW.partner_id, NEW.kind, NEW.amount_cents, 1, NEW.created_at)
        ON CONFLICT (partner_id, kind) DO UPDATE
          SET amount_cents = amount_cents + excluded.amount_cents, entries = entries + 1,
              last_at = MAX(last_at, excluded.last_at);
      END;
    `,
  },
];
