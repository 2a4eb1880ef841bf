/**
 * Periods: months from the book's first period on. A period is open until closed; closing
 * and reopening are explicit and audited. The core refuses writes into a closed period;
 * the database's triggers refuse them again (migration 0001).
 * Periods close strictly in order, each only when its 结账检查 has no blocker
 * (closing/check.ts), and reopen only from the latest closed one backwards. A month later
 * than next month is neither created by a dated write nor closed unless the caller says the
 * user confirmed it (a typed error the UI turns into a question): a mistyped year would
 * otherwise open 2062-06 for good or close a year ahead.
 */
import { chainHeads } from '../book/audit-head';
import { UserError } from '../../../shared/errors';
import { addMonths, isIsoDate, period as toPeriod } from '../../../shared/period';
import { thisPeriodLocal } from '../../../shared/today';
import type { Book } from '../book/book';
import { builder } from '../db/query';
import { precompiled } from '../db/precompiled';
import { closeCheck } from '../closing/check';

/** Books whose current action may create periods beyond next month (the user confirmed). */
const futureAllowed = new WeakSet<Book>();

/** Runs fn with periods beyond next month allowed when `confirmed`. */
export function withFuturePeriods<T>(book: Book, confirmed: boolean | undefined, fn: () => T): T {
  if (!confirmed || futureAllowed.has(book)) return fn();
  futureAllowed.add(book);
  try {
    return fn();
  } finally {
    futureAllowed.delete(book);
  }
}

/** Refuses a month later than next month (the user's local today) unless confirmed. */
export function checkNotFuture(book: Book, period: string): void {
  const next = addMonths(toPeriod(thisPeriodLocal()), 1);
  if (period > next && !futureAllowed.has(book)) throw new UserError('closing.futurePeriod', { period, next });
}

export type PeriodStatus = 'open' | 'closed';

/** Compiled once (db/precompiled.ts): every dated write asks (writablePeriod, per voucher). */
const statusQuery = precompiled((period: string) => builder.selectFrom('period').select('status').where('period', '=', period), 1);

export function periodStatus(book: Book, period: string): PeriodStatus | null {
  return book.db.first(statusQuery(period))?.status ?? null;
}

/** The period a dated write goes to, created open on first use; refused if closed or before the book starts. */
export function writablePeriod(book: Book, date: string): string {
  if (!isIsoDate(date)) throw new UserError('ledger.badDate', { date });
  const period = date.slice(0, 7);
  const first = book.meta('first_period') ?? period;
  if (period < first) throw new UserError('ledger.beforeFirstPeriod', { period, first });
  const status = periodStatus(book, period);
  if (status === 'closed') throw new UserError('ledger.periodClosed', { period });
  if (status === null) {
    checkNotFuture(book, period);
    book.db.run(book.q.insertInto('period').values({ period, status: 'open', closed_at: null, closed_by: null }));
  }
  return period;
}

export function closePeriod(book: Book, period: string): void {
  const status = periodStatus(book, period);
  if (status === 'closed') throw new UserError('ledger.periodClosed', { period });
  checkNotFuture(book, period);
  const check = closeCheck(book, period);
  const first = check.blockers[0];
  if (first) throw new UserError(first.code, first.params);
  const at = new Date().toISOString();
  if (status === null) {
    book.db.run(book.q.insertInto('period').values({ period, status: 'closed', closed_at: at, closed_by: book.user }));
  } else {
    book.db.run(book.q.updateTable('period').set({ status: 'closed', closed_at: at, closed_by: book.user }).where('period', '=', period));
  }
  // The chain's head at closing goes into the closing record (and from there into the period pack): a copy outside the chain's tail.
  book.audit({ action: 'period.close', entity: 'period', entityId: period, before: { status: status ?? 'open' }, after: { status: 'closed', warnings: check.warnings.map((w) => w.code), chainHead: chainHeads(book.sqlite) } });
  // Closing the year's last month opens the next year's first: P&L and 本年利润 start it at zero (transferred above).
  if (period.endsWith('-12')) {
    const next = addMonths(toPeriod(period), 1);
    if (periodStatus(book, next) === null) book.db.run(book.q.insertInto('period').values({ period: next, status: 'open', closed_at: null, closed_by: null }));
  }
}

/** The latest closed period, the only one that may be reopened. */
export function latestClosed(book: Book): string | null {
  return book.db.first(book.q.selectFrom('period').select((eb) => eb.fn.max<string | null>('period').as('latest')).where('status', '=', 'closed'))?.latest ?? null;
}

export function reopenPeriod(book: Book, period: string, reason: string): void {
  if (periodStatus(book, period) !== 'closed') throw new UserError('ledger.periodNotClosed', { period });
  const latest = latestClosed(book);
  if (latest !== period) throw new UserError('closing.reopenNotLatest', { period, latest: latest ?? '' });
  book.db.run(book.q.updateTable('period').set({ status: 'open', closed_at: null, closed_by: null }).where('period', '=', period));
  book.audit({ action: 'period.reopen', entity: 'period', entityId: period, before: { status: 'closed' }, after: { status: 'open', reason } });
}
