/**
 * Allocation inputs: driver values (customer, driver, value, period → driver_value, value
 * in thousandths) and timesheets (employee, customer, hours, date → timesheet, hours in
 * thousandths). Unknown customers and employees are created, as for expenses.
 */
import { nameKey } from '../../../../shared/text';
import type { Book } from '../../book/book';
import type { Candidate, CommitCtx, KindHandler, RowParse, RowView } from '../kind';
import { cellText, parseDateValue, parseMilliValue } from '../values';
import { fail, fingerprint, parsePeriodValue } from './common';

/** Closed months keep their allocation inputs as they were (the database refuses too, migration 0810). */
const closedPeriods = (book: Book): Set<string> =>
  new Set(book.db.all(book.q.selectFrom('period').select('period').where('status', '=', 'closed')).map((r) => r.period));

interface DriverRow {
  customer: string;
  driver: string;
  valueMilli: number;
  period: string;
}

function parseDriver(row: RowView): RowParse<DriverRow> {
  const customer = cellText(row.get('customer'));
  if (!nameKey(customer)) return fail('import.reject.customer.missing');
  const driver = cellText(row.get('driver'));
  if (!nameKey(driver)) return fail('import.reject.driver.missing');
  const value = parseMilliValue(row.get('value'));
  if (!value.ok) return fail(`import.reject.${value.reason === 'amount.tooManyDecimals' ? 'quantity.tooManyDecimals' : value.reason}`);
  if (value.fen < 0) return fail('import.reject.quantity.negative');
  const period = parsePeriodValue(row.get('period'));
  if (!period.ok) return period;
  return { ok: true, value: { customer, driver: driver.trim(), valueMilli: value.fen, period: period.period } };
}

export function driversKind(book: Book): KindHandler<DriverRow> {
  // Values seen earlier in the file (across chunks).
  const inFile = new Map<string, number>();
  return {
    keepCells: false,
    parse: parseDriver,
    commit(items: Candidate<DriverRow>[], ctx: CommitCtx) {
      // Raw SQL on purpose: a lookup and an insert per row (customers × drivers × months: tens of
      // thousands of rows); through book.q + book.db each costs 7–15 µs more (measured, run.ts).
      const existing = book.sqlite.prepare('SELECT value_milli FROM driver_value WHERE period = ? AND driver = ? AND customer_id = ?').pluck();
      const insert = book.sqlite.prepare('INSERT INTO driver_value (period, driver, customer_id, value_milli, batch_id) VALUES (?, ?, ?, ?, ?)');
      const closed = closedPeriods(book);
      for (const c of items) {
        const v = c.value;
        if (closed.has(v.period)) {
          ctx.reject(c, 'ledger.periodClosed', { period: v.period });
          continue;
        }
        const customerId = ctx.masters.find('customer', v.customer);
        const key = `${v.period}|${nameKey(v.driver)}|${nameKey(v.customer)}`;
        const before = inFile.get(key) ?? (customerId !== null ? (existing.get(v.period, v.driver, customerId) as number | undefined) : undefined);
        if (before !== undefined) {
          // The same value again is a duplicate; another value for the same cell is a conflict to resolve by hand.
          if (before === v.valueMilli) ctx.duplicate(c);
          else ctx.reject(c, 'import.reject.driver.conflict', { driver: v.driver, period: v.period, value: before / 1000 });
          continue;
        }
        const id = customerId ?? ctx.masters.customer(v.customer).id;
        insert.run(v.period, v.driver, id, v.valueMilli, ctx.batchId);
        inFile.set(key, v.valueMilli);
        ctx.accept(c);
      }
    },
  };
}

interface TimesheetRow {
  employee: string;
  customer: string;
  hoursMilli: number;
  date: string;
  memo: string;
}

function parseTimesheet(row: RowView): RowParse<TimesheetRow> {
  const employee = cellText(row.get('employee'));
  if (!nameKey(employee)) return fail('import.reject.employee.missing');
  const customer = cellText(row.get('customer'));
  if (!nameKey(customer)) return fail('import.reject.customer.missing');
  const date = parseDateValue(row.get('date'));
  if (!date.ok) return fail(`import.reject.${date.reason}`);
  const hours = parseMilliValue(row.get('hours'));
  if (!hours.ok) return fail(`import.reject.${hours.reason === 'amount.tooManyDecimals' ? 'quantity.tooManyDecimals' : hours.reason}`);
  if (hours.fen <= 0 || hours.fen > 24000) return fail('import.reject.hours.range');
  return { ok: true, value: { employee, customer, hoursMilli: hours.fen, date: date.date, memo: cellText(row.get('memo')) } };
}

export function timesheetsKind(book: Book): KindHandler<TimesheetRow> {
  return {
    keepCells: false,
    parse: parseTimesheet,
    commit(items: Candidate<TimesheetRow>[], ctx: CommitCtx) {
      // Raw SQL on purpose: one insert per row (a year of timesheets is tens of thousands); through
      // book.q + book.db an insert measured 10–15 µs more per row (process.cpuUsage, 200,000 inserts).
      const insert = book.sqlite.prepare('INSERT INTO timesheet (date, period, employee_id, customer_id, hours_milli, memo, batch_id) VALUES (?, ?, ?, ?, ?, ?, ?)');
      const closed = closedPeriods(book);
      for (const c of items) {
        const v = c.value;
        if (closed.has(v.date.slice(0, 7))) {
          ctx.reject(c, 'ledger.periodClosed', { period: v.date.slice(0, 7) });
          continue;
        }
        const fp = fingerprint('t', [v.date, v.employee, v.customer, v.hoursMilli, v.memo]);
        if (ctx.seen(fp)) {
          ctx.duplicate(c);
          continue;
        }
        const employeeId = ctx.masters.employee(v.employee).id;
        const customerId = ctx.masters.customer(v.customer).id;
        insert.run(v.date, v.date.slice(0, 7), employeeId, customerId, v.hoursMilli, v.memo, ctx.batchId);
        ctx.remember(c, fp, null);
        ctx.accept(c);
      }
    },
  };
}
