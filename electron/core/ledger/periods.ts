/**
 * Periods: months from the book's first period on. A period is open until closed; closing
 * and reopening are explicit and audited. The core refuses writes into a closed period;
 * the database's triggers refuse them again (migration 0001).
 */
import { chainHeads } from '../book/audit-head';
import { UserError } from '../../../shared/errors';
import { isIsoDate } from '../../../shared/period';
import type { Book } from '../book/book';

export type PeriodStatus = 'open' | 'closed';

export function periodStatus(book: Book, period: string): PeriodStatus | null {
  return book.db.first(book.q.selectFrom('period').select('status').where('period', '=', period))?.status ?? null;
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
    book.db.run(book.q.insertInto('period').values({ period, status: 'open', closed_at: null, closed_by: null }));
  }
  return period;
}

export function closePeriod(book: Book, period: string): void {
  const status = periodStatus(book, period);
  if (status === 'closed') throw new UserError('ledger.periodClosed', { period });
  const drafts = book.db.first(
    book.q.selectFrom('voucher').select((eb) => eb.fn.countAll<number>().as('n')).where('period', '=', period).where('status', '=', 'draft'),
  );
  if (drafts && drafts.n > 0) throw new UserError('ledger.draftsInPeriod', { period, count: drafts.n });
  const at = new Date().toISOString();
  if (status === null) {
    book.db.run(book.q.insertInto('period').values({ period, status: 'closed', closed_at: at, closed_by: book.user }));
  } else {
    book.db.run(book.q.updateTable('period').set({ status: 'closed', closed_at: at, closed_by: book.user }).where('period', '=', period));
  }
  // The chain's head at closing goes into the closing record (and from there into the period pack): a copy outside the chain's tail.
  book.audit({ action: 'period.close', entity: 'period', entityId: period, before: { status: status ?? 'open' }, after: { status: 'closed', chainHead: chainHeads(book.sqlite) } });
}

export function reopenPeriod(book: Book, period: string, reason: string): void {
  if (periodStatus(book, period) !== 'closed') throw new UserError('ledger.periodNotClosed', { period });
  book.db.run(book.q.updateTable('period').set({ status: 'open', closed_at: null, closed_by: null }).where('period', '=', period));
  book.audit({ action: 'period.reopen', entity: 'period', entityId: period, before: { status: 'closed' }, after: { status: 'open', reason } });
}
