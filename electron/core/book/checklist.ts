/**
 * The first-month checklist on the home page: what a new user has done of the monthly
 * round (opening balances → import expenses → approve → allocate → export). Read from
 * the book itself, so it is true whoever did the work and on whichever machine.
 */
import type { Checklist } from '../../../shared/contract/book';
import type { Book } from './book';

export function checklist(book: Book): Checklist {
  const one = (sql: string): boolean => book.sqlite.prepare(sql).get() !== undefined;
  return {
    openingBalances: one(`SELECT 1 FROM import_batch WHERE kind = 'opening-balances' AND undone_at IS NULL LIMIT 1`),
    imported: one(`SELECT 1 FROM import_batch WHERE kind = 'expenses' AND undone_at IS NULL LIMIT 1`) || one(`SELECT 1 FROM claim LIMIT 1`),
    approved: one(`SELECT 1 FROM claim WHERE status IN ('approved', 'paid') LIMIT 1`),
    allocated: one(`SELECT 1 FROM alloc_run LIMIT 1`),
  };
}
