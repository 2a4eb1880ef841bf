/**
 * Amortization / deferral schedules with one row per period run, allocation rules, and
 * stored allocation runs (a JSON snapshot of the rules they used and their result lines).
 * A schedule period is posted at most once: UNIQUE (schedule_id, period_no) makes a second
 * run a no-op even if two windows race.
 */
export const up = `
CREATE TABLE schedule (
  id              INTEGER PRIMARY KEY,
  kind            TEXT NOT NULL CHECK (kind IN ('amortization','deferral')),
  name            TEXT NOT NULL,
  total_fen       INTEGER NOT NULL CHECK (total_fen > 0),
  first_period    TEXT NOT NULL CHECK (first_period GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]'),
  periods         INTEGER NOT NULL CHECK (periods BETWEEN 1 AND 600),
  debit_account   TEXT NOT NULL REFERENCES account(code),
  credit_account  TEXT NOT NULL REFERENCES account(code),
  customer_id     INTEGER REFERENCES customer(id),
  employee_id     INTEGER REFERENCES employee(id),
  department_id   INTEGER REFERENCES department(id),
  memo            TEXT NOT NULL DEFAULT '',
  creation_voucher_id INTEGER REFERENCES voucher(id),
  active          INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0,1)),
  created_at      TEXT NOT NULL
) STRICT;

CREATE TABLE schedule_entry (
  schedule_id INTEGER NOT NULL REFERENCES schedule(id),
  period_no   INTEGER NOT NULL,
  period      TEXT NOT NULL,
  amount_fen  INTEGER NOT NULL,
  voucher_id  INTEGER NOT NULL REFERENCES voucher(id),
  posted_at   TEXT NOT NULL,
  PRIMARY KEY (schedule_id, period_no)
) STRICT;
CREATE INDEX ix_schedule_entry_period ON schedule_entry(period);

CREATE TABLE alloc_rule (
  id            INTEGER PRIMARY KEY,
  rule_set      TEXT NOT NULL DEFAULT 'default',
  seq           INTEGER NOT NULL,
  name          TEXT NOT NULL,
  method        TEXT NOT NULL CHECK (method IN ('single','stepdown','activity')),
  accounts      TEXT NOT NULL,
  department_id INTEGER REFERENCES department(id),
  driver        TEXT NOT NULL,
  target        TEXT NOT NULL DEFAULT '{"kind":"all"}',
  active        INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0,1)),
  UNIQUE (rule_set, name)
) STRICT;

CREATE TABLE alloc_run (
  id          INTEGER PRIMARY KEY,
  period      TEXT NOT NULL,
  rule_set    TEXT NOT NULL,
  rules_json  TEXT NOT NULL,
  total_fen   INTEGER NOT NULL,
  voucher_id  INTEGER REFERENCES voucher(id),
  created_at  TEXT NOT NULL,
  created_by  TEXT NOT NULL
) STRICT;
CREATE INDEX ix_alloc_run_period ON alloc_run(period, id);

-- One line per pool and target: a customer, or (step-down) a department receiving a
-- service department's cost. driver_value / driver_total is the share; the pool's name,
-- driver and amount are pools[pool_no] of the run's snapshot. A big run writes
-- millions of lines: no foreign keys on customer / department (the engine read them from
-- those tables in the same transaction) and one index, (run, customer), which serves the
-- explanation, profitability and the run's own listing.
CREATE TABLE alloc_line (
  id             INTEGER PRIMARY KEY,
  run_id         INTEGER NOT NULL REFERENCES alloc_run(id) ON DELETE CASCADE,
  pool_no        INTEGER NOT NULL,
  customer_id    INTEGER,
  department_id  INTEGER,
  driver_value   INTEGER NOT NULL,
  driver_total   INTEGER NOT NULL,
  amount_fen     INTEGER NOT NULL
) STRICT;
CREATE INDEX ix_alloc_line_run ON alloc_line(run_id, customer_id);
`;
