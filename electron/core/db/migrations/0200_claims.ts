/**
 * Expense claims (报销单) and their lines, approval steps and receipts. Imports create
 * claims; approval posts the accrual voucher, payment the settlement voucher.
 */
export const up = `
CREATE TABLE claim (
  id               INTEGER PRIMARY KEY,
  employee_id      INTEGER NOT NULL REFERENCES employee(id),
  title            TEXT NOT NULL DEFAULT '',
  status           TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('draft','submitted','approved','paid')),
  total_fen        INTEGER NOT NULL DEFAULT 0,
  tax_fen          INTEGER NOT NULL DEFAULT 0,
  batch_id         INTEGER,
  reject_reason    TEXT,
  accrual_voucher_id     INTEGER REFERENCES voucher(id),
  settlement_voucher_id  INTEGER REFERENCES voucher(id),
  created_at       TEXT NOT NULL,
  created_by       TEXT NOT NULL,
  submitted_at     TEXT,
  approved_at      TEXT,
  paid_at          TEXT
) STRICT;
CREATE INDEX ix_claim_employee ON claim(employee_id, status);
CREATE INDEX ix_claim_batch ON claim(batch_id);

CREATE TABLE claim_line (
  id            INTEGER PRIMARY KEY,
  claim_id      INTEGER NOT NULL REFERENCES claim(id) ON DELETE CASCADE,
  line_no       INTEGER NOT NULL,
  date          TEXT NOT NULL,
  category_id   INTEGER NOT NULL REFERENCES category(id),
  customer_id   INTEGER REFERENCES customer(id),
  department_id INTEGER REFERENCES department(id),
  description   TEXT NOT NULL DEFAULT '',
  invoice_no    TEXT,
  invoice_type  TEXT NOT NULL DEFAULT '',
  amount_fen    INTEGER NOT NULL,
  tax_fen       INTEGER NOT NULL DEFAULT 0,
  receipt       INTEGER NOT NULL DEFAULT 0 CHECK (receipt IN (0,1)),
  UNIQUE (claim_id, line_no)
) STRICT;
CREATE INDEX ix_claim_line_invoice ON claim_line(invoice_no) WHERE invoice_no IS NOT NULL;
CREATE INDEX ix_claim_line_customer ON claim_line(customer_id, date);
CREATE INDEX ix_claim_line_category ON claim_line(category_id, date);

CREATE TABLE claim_step (
  id        INTEGER PRIMARY KEY,
  claim_id  INTEGER NOT NULL REFERENCES claim(id) ON DELETE CASCADE,
  step      INTEGER NOT NULL,
  action    TEXT NOT NULL CHECK (action IN ('submit','approve','reject','pay')),
  role      TEXT NOT NULL DEFAULT '',
  user      TEXT NOT NULL,
  at        TEXT NOT NULL,
  comment   TEXT NOT NULL DEFAULT ''
) STRICT;
CREATE INDEX ix_claim_step_claim ON claim_step(claim_id, id);
`;
