/**
 * Which tables a request or a job wrote, read back from what every write leaves behind:
 * the row log names each logged row's table (row-log.ts triggers) and the audit log names
 * each action's entity (a table name: voucher, claim, period, …), for writes on any
 * connection (a job worker's too). A mark is the two logs' last ids; `changedSince` lists
 * the distinct names after it. Two primary-key lookups per mark, so every request can
 * afford one; the engine pushes the answer as `book.changed` (engine/engine.ts). Typed
 * (row_log and audit_log are in the DB type) and through book.db, whose statements are kept
 * per SQL text: it runs around every request, but a mark costs ~23 µs CPU this way against
 * ~19 µs for the raw prepare-per-call it replaced, nothing beside a request, so not a hot
 * path that would earn raw SQL.
 */
import type { Book } from './book';

export interface ChangeMark {
  rowLog: number;
  audit: number;
}

export function changeMark(book: Book): ChangeMark {
  const last = (table: 'row_log' | 'audit_log') => book.db.first(book.q.selectFrom(table).select((eb) => eb.fn.coalesce(eb.fn.max<number | null>('id'), eb.lit(0)).as('id')))!.id;
  return { rowLog: last('row_log'), audit: last('audit_log') };
}

/** The tables written since `mark`, sorted; empty when nothing was. */
export function changedSince(book: Book, mark: ChangeMark): string[] {
  const now = changeMark(book);
  if (now.rowLog === mark.rowLog && now.audit === mark.audit) return [];
  return book.db
    .all(
      book.q
        .selectFrom('row_log')
        .select('tbl as name')
        .where('id', '>', mark.rowLog)
        .union(book.q.selectFrom('audit_log').select('entity as name').where('id', '>', mark.audit))
        .orderBy('name'),
    )
    .map((r) => r.name);
}
