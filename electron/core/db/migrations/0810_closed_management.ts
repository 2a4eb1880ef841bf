/**
 * A closed month stays closed for management data too: driver values, timesheets,
 * allocation runs (and their lines) and schedule entries of a closed period are refused by
 * the database, as vouchers are (0001), so a writer that skips the core cannot change a
 * closed month's customer profit either. The core refuses first, with a typed message.
 * Triggers only: no table or column changes, so the row log's triggers stay as they are.
 */
const closed = (expr: string) => `(SELECT status FROM period WHERE period = ${expr}) = 'closed'`;

const guard = (table: string, periodOf: (alias: 'NEW' | 'OLD') => string) => `
CREATE TRIGGER tr_${table}_closed_ins BEFORE INSERT ON ${table}
WHEN ${closed(periodOf('NEW'))}
BEGIN SELECT RAISE(ABORT, 'period closed'); END;
CREATE TRIGGER tr_${table}_closed_upd BEFORE UPDATE ON ${table}
WHEN ${closed(periodOf('OLD'))} OR ${closed(periodOf('NEW'))}
BEGIN SELECT RAISE(ABORT, 'period closed'); END;
CREATE TRIGGER tr_${table}_closed_del BEFORE DELETE ON ${table}
WHEN ${closed(periodOf('OLD'))}
BEGIN SELECT RAISE(ABORT, 'period closed'); END;`;

export const up = [
  guard('driver_value', (a) => `${a}.period`),
  guard('timesheet', (a) => `${a}.period`),
  guard('alloc_run', (a) => `${a}.period`),
  guard('alloc_line', (a) => `(SELECT r.period FROM alloc_run r WHERE r.id = ${a}.run_id)`),
  guard('schedule_entry', (a) => `${a}.period`),
].join('\n');
