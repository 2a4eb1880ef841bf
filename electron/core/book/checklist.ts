/**
 * The first-month checklist on the home page: what a new user has done of the monthly
 * round (opening balances → import expenses → approve → allocate → export). Read from
 * the book itself, so it is true whoever did the work and on whichever machine.
 */
import type { Checklist } from '../../../shared/contract/book';
import type { Compilable } from 'kysely';
import type { Book } from './book';

export function checklist(book: Book): Checklist {
  // Whether any row matches: one row read, never a count.
  const any = (query: Compilable<unknown>): boolean => book.db.first(query) !== undefined;
  const batch = (kind: string) => book.q.selectFrom('import_batch').select('id').where('kind', '=', kind).where('undone_at', 'is', null).limit(1);
  return {
    openingBalances: any(batch('opening-balances')),
    imported: any(batch('expenses')) || any(book.q.selectFrom('claim').select('id').limit(1)),
    approved: any(book.q.selectFrom('claim').select('id').where('status', 'in', ['approved', 'paid']).limit(1)),
    allocated: any(book.q.selectFrom('alloc_run').select('id').limit(1)),
  };
}
