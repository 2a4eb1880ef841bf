/**
 * The book's core: metadata, chart of accounts, dimensions, periods, vouchers and the
 * audit chain. Frozen once released: change the schema with a new migration.
 */
export const up = `
CREATE TABLE book_meta (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
) STRICT;

CREATE TABLE account (
  code        TEXT PRIMARY KEY CHECK (length(code) IN (4, 6, 8)),
  name        TEXT NOT NULL,
  parent_code TEXT REFERENCES account(code),
  type        TEXT NOT NULL CHECK (type IN ('asset','liability','equity','cost','revenue','expense')),
  normal_side TEXT NOT NULL CHECK (normal_side IN ('debit','credit')),
  active      INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0,1)),
  dims        TEXT NOT NULL DEFAULT ''
) STRICT;
CREATE INDEX ix_account_parent ON account(parent_code);

CREATE TABLE department (
  id         INTEGER PRIMARY KEY,
  code       TEXT NOT NULL UNIQUE,
  name       TEXT NOT NULL,
  name_key   TEXT NOT NULL UNIQUE,
  is_service INTEGER NOT NULL DEFAULT 0 CHECK (is_service IN (0,1)),
  active     INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0,1))
) STRICT;

CREATE TABLE employee (
  id            INTEGER PRIMARY KEY,
  code          TEXT NOT NULL UNIQUE,
  name          TEXT NOT NULL,
  name_key      TEXT NOT NULL UNIQUE,
  department_id INTEGER REFERENCES department(id),
  approver_id   INTEGER REFERENCES employee(id),
  active        INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0,1)),
  batch_id      INTEGER
) STRICT;

CREATE TABLE customer (
  id         INTEGER PRIMARY KEY,
  code       TEXT NOT NULL UNIQUE,
  name       TEXT NOT NULL,
  name_key   TEXT NOT NULL UNIQUE,
  tier       TEXT NOT NULL DEFAULT '',
  manager_id INTEGER REFERENCES employee(id),
  active     INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0,1)),
  batch_id   INTEGER
) STRICT;

CREATE TABLE category (
  id           INTEGER PRIMARY KEY,
  code         TEXT NOT NULL UNIQUE,
  name         TEXT NOT NULL,
  name_en      TEXT NOT NULL,
  synonyms     TEXT NOT NULL DEFAULT '[]',
  account_code TEXT NOT NULL REFERENCES account(code),
  is_client    INTEGER NOT NULL DEFAULT 1 CHECK (is_client IN (0,1)),
  active       INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0,1))
) STRICT;

CREATE TABLE period (
  period    TEXT PRIMARY KEY CHECK (period GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]'),
  status    TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open','closed')),
  closed_at TEXT,
  closed_by TEXT
) STRICT;

CREATE TABLE voucher (
  id             INTEGER PRIMARY KEY,
  period         TEXT NOT NULL REFERENCES period(period),
  number         INTEGER,
  date           TEXT NOT NULL,
  status         TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('draft','posted')),
  memo           TEXT NOT NULL DEFAULT '',
  source_type    TEXT,
  source_id      INTEGER,
  reverses_id    INTEGER REFERENCES voucher(id),
  created_at     TEXT NOT NULL,
  created_by     TEXT NOT NULL,
  posted_at      TEXT,
  posted_by      TEXT,
  UNIQUE (period, number)
) STRICT;
CREATE INDEX ix_voucher_source ON voucher(source_type, source_id);
CREATE INDEX ix_voucher_reverses ON voucher(reverses_id);

CREATE TABLE voucher_line (
  id            INTEGER PRIMARY KEY,
  voucher_id    INTEGER NOT NULL REFERENCES voucher(id) ON DELETE CASCADE,
  line_no       INTEGER NOT NULL,
  period        TEXT NOT NULL,
  posted        INTEGER NOT NULL DEFAULT 0 CHECK (posted IN (0,1)),
  account_code  TEXT NOT NULL REFERENCES account(code),
  debit_fen     INTEGER NOT NULL DEFAULT 0,
  credit_fen    INTEGER NOT NULL DEFAULT 0,
  memo          TEXT NOT NULL DEFAULT '',
  customer_id   INTEGER REFERENCES customer(id),
  employee_id   INTEGER REFERENCES employee(id),
  department_id INTEGER REFERENCES department(id),
  category_id   INTEGER REFERENCES category(id),
  CHECK ((debit_fen = 0) <> (credit_fen = 0)),
  UNIQUE (voucher_id, line_no)
) STRICT;
-- Trial balance and detail ledger read posted lines by period and account.
CREATE INDEX ix_line_tb ON voucher_line(period, account_code, debit_fen, credit_fen) WHERE posted = 1;
CREATE INDEX ix_line_account ON voucher_line(account_code, period, voucher_id, line_no) WHERE posted = 1;
CREATE INDEX ix_line_customer ON voucher_line(customer_id, period) WHERE posted = 1;

CREATE TABLE audit_log (
  id        INTEGER PRIMARY KEY,
  at        TEXT NOT NULL,
  user      TEXT NOT NULL,
  action    TEXT NOT NULL,
  entity    TEXT NOT NULL,
  entity_id TEXT NOT NULL,
  before    TEXT,
  after     TEXT,
  prev_hash TEXT NOT NULL,
  hash      TEXT NOT NULL
) STRICT;

-- Second line of defence: the database itself refuses writes into a closed period.
CREATE TRIGGER tr_voucher_closed_ins BEFORE INSERT ON voucher
WHEN (SELECT status FROM period WHERE period = NEW.period) = 'closed'
BEGIN SELECT RAISE(ABORT, 'period closed'); END;
CREATE TRIGGER tr_voucher_closed_upd BEFORE UPDATE ON voucher
WHEN (SELECT status FROM period WHERE period = OLD.period) = 'closed'
  OR (SELECT status FROM period WHERE period = NEW.period) = 'closed'
BEGIN SELECT RAISE(ABORT, 'period closed'); END;
CREATE TRIGGER tr_voucher_closed_del BEFORE DELETE ON voucher
WHEN (SELECT status FROM period WHERE period = OLD.period) = 'closed'
BEGIN SELECT RAISE(ABORT, 'period closed'); END;
CREATE TRIGGER tr_line_closed_ins BEFORE INSERT ON voucher_line
WHEN (SELECT status FROM period WHERE period = NEW.period) = 'closed'
BEGIN SELECT RAISE(ABORT, 'period closed'); END;
CREATE TRIGGER tr_line_closed_upd BEFORE UPDATE ON voucher_line
WHEN (SELECT status FROM period WHERE period = OLD.period) = 'closed'
BEGIN SELECT RAISE(ABORT, 'period closed'); END;
CREATE TRIGGER tr_line_closed_del BEFORE DELETE ON voucher_line
WHEN (SELECT status FROM period WHERE period = OLD.period) = 'closed'
BEGIN SELECT RAISE(ABORT, 'period closed'); END;

-- Posted vouchers never change: corrections are reversals.
CREATE TRIGGER tr_voucher_posted_upd BEFORE UPDATE ON voucher
WHEN OLD.status = 'posted'
BEGIN SELECT RAISE(ABORT, 'posted voucher is immutable'); END;
CREATE TRIGGER tr_voucher_posted_del BEFORE DELETE ON voucher
WHEN OLD.status = 'posted'
BEGIN SELECT RAISE(ABORT, 'posted voucher is immutable'); END;
CREATE TRIGGER tr_line_posted_upd BEFORE UPDATE ON voucher_line
WHEN OLD.posted = 1
BEGIN SELECT RAISE(ABORT, 'posted voucher is immutable'); END;
CREATE TRIGGER tr_line_posted_del BEFORE DELETE ON voucher_line
WHEN OLD.posted = 1
BEGIN SELECT RAISE(ABORT, 'posted voucher is immutable'); END;
-- The audit log is append-only.
CREATE TRIGGER tr_audit_no_upd BEFORE UPDATE ON audit_log
BEGIN SELECT RAISE(ABORT, 'audit log is append-only'); END;
CREATE TRIGGER tr_audit_no_del BEFORE DELETE ON audit_log
BEGIN SELECT RAISE(ABORT, 'audit log is append-only'); END;
`;
