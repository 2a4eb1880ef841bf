/**
 * Allocation inputs imported from Excel: driver values per customer and period (orders,
 * visits, any custom table) and timesheets. Quantities are integers in thousandths
 * (value_milli), so shares stay exact rational numbers.
 */
export const up = `
CREATE TABLE driver_value (
  id          INTEGER PRIMARY KEY,
  period      TEXT NOT NULL,
  driver      TEXT NOT NULL,
  customer_id INTEGER NOT NULL REFERENCES customer(id),
  value_milli INTEGER NOT NULL,
  batch_id    INTEGER,
  UNIQUE (period, driver, customer_id)
) STRICT;

CREATE TABLE timesheet (
  id          INTEGER PRIMARY KEY,
  date        TEXT NOT NULL,
  period      TEXT NOT NULL,
  employee_id INTEGER NOT NULL REFERENCES employee(id),
  customer_id INTEGER NOT NULL REFERENCES customer(id),
  hours_milli INTEGER NOT NULL CHECK (hours_milli >= 0),
  memo        TEXT NOT NULL DEFAULT '',
  batch_id    INTEGER
) STRICT;
CREATE INDEX ix_timesheet_period ON timesheet(period, customer_id);
`;
