/**
 * Who may act on claims, and what constrains them (docs/domain.md: Expense policy, Expense
 * claims and approvals, Budgets): users with roles, policy rules, the approval chain by
 * amount, budgets, and receipt files kept inside the book.
 * Defaults are inserted here, so new books and books created before this migration get
 * the same sensible starting point. Policy rules scope categories by code because this
 * runs before a new book's categories are seeded.
 */
export const up = `
CREATE TABLE app_user (
  id            INTEGER PRIMARY KEY,
  name          TEXT NOT NULL UNIQUE COLLATE NOCASE,
  display_name  TEXT NOT NULL DEFAULT '',
  role          TEXT NOT NULL CHECK (role IN ('accountant','approver','manager','admin')),
  employee_id   INTEGER REFERENCES employee(id),
  password_hash TEXT,
  active        INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0,1)),
  created_at    TEXT NOT NULL
) STRICT;
INSERT INTO app_user (name, display_name, role, created_at) VALUES ('accountant', '会计', 'accountant', datetime('now'));
INSERT INTO app_user (name, display_name, role, created_at) VALUES ('admin', '总经理', 'admin', datetime('now'));

CREATE TABLE policy_rule (
  id             INTEGER PRIMARY KEY,
  kind           TEXT NOT NULL CHECK (kind IN ('item_cap','day_cap','month_cap','receipt_required','invoice_required',
                                                'duplicate_invoice','future_date','old_date','weekend','customer_required')),
  action         TEXT NOT NULL CHECK (action IN ('warn','block')),
  amount_fen     INTEGER CHECK (amount_fen IS NULL OR amount_fen >= 0),
  days           INTEGER CHECK (days IS NULL OR days >= 0),
  category_code  TEXT,
  employee_id    INTEGER REFERENCES employee(id),
  department_id  INTEGER REFERENCES department(id),
  customer_tier  TEXT,
  active         INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0,1)),
  note           TEXT NOT NULL DEFAULT ''
) STRICT;
INSERT INTO policy_rule (kind, action, amount_fen, days, category_code) VALUES
  ('duplicate_invoice', 'block', NULL, NULL, NULL),
  ('future_date',       'block', NULL, NULL, NULL),
  ('old_date',          'warn',  NULL, 180,  NULL),
  ('weekend',           'warn',  NULL, NULL, NULL),
  ('customer_required', 'block', NULL, NULL, NULL),
  ('receipt_required',  'warn',  50000, NULL, NULL),
  ('invoice_required',  'warn',  100000, NULL, NULL),
  ('item_cap',          'warn',  30000, NULL, 'MEALS'),
  ('item_cap',          'block', 200000, NULL, 'GIFT'),
  ('item_cap',          'warn',  500000, NULL, 'ENTERTAIN'),
  ('day_cap',           'warn',  80000, NULL, 'LODGING'),
  ('day_cap',           'warn',  50000, NULL, 'MEALS'),
  ('month_cap',         'warn',  50000, NULL, 'COMM'),
  ('month_cap',         'warn',  300000, NULL, 'TRANSPORT');

-- A claim needs the step when its total is above above_fen (default chain: up to 2,000
-- the manager; up to 10,000 also finance; above that also the general manager).
CREATE TABLE approval_level (
  step       INTEGER PRIMARY KEY CHECK (step >= 1),
  role       TEXT NOT NULL CHECK (role IN ('manager','finance','gm')),
  above_fen  INTEGER NOT NULL CHECK (above_fen >= 0)
) STRICT;
INSERT INTO approval_level (step, role, above_fen) VALUES (1, 'manager', 0), (2, 'finance', 200000), (3, 'gm', 1000000);

CREATE TABLE budget (
  id            INTEGER PRIMARY KEY,
  name          TEXT NOT NULL DEFAULT '',
  period_kind   TEXT NOT NULL CHECK (period_kind IN ('month','quarter','year')),
  period        TEXT NOT NULL,
  employee_id   INTEGER REFERENCES employee(id),
  department_id INTEGER REFERENCES department(id),
  customer_id   INTEGER REFERENCES customer(id),
  category_id   INTEGER REFERENCES category(id),
  amount_fen    INTEGER NOT NULL CHECK (amount_fen > 0),
  warn_pct      INTEGER NOT NULL DEFAULT 80 CHECK (warn_pct > 0),
  alert_pct     INTEGER NOT NULL DEFAULT 100 CHECK (alert_pct > 0),
  hard_block    INTEGER NOT NULL DEFAULT 0 CHECK (hard_block IN (0,1)),
  created_at    TEXT NOT NULL,
  created_by    TEXT NOT NULL
) STRICT;
CREATE INDEX ix_budget_period ON budget(period);

CREATE TABLE claim_receipt (
  id         INTEGER PRIMARY KEY,
  claim_id   INTEGER NOT NULL REFERENCES claim(id) ON DELETE CASCADE,
  line_no    INTEGER,
  file_name  TEXT NOT NULL,
  size       INTEGER NOT NULL,
  sha256     TEXT NOT NULL,
  data       BLOB NOT NULL,
  added_at   TEXT NOT NULL,
  added_by   TEXT NOT NULL
) STRICT;
CREATE INDEX ix_claim_receipt_claim ON claim_receipt(claim_id);
`;
