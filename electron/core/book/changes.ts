/**
 * Which tables a request or a job wrote, read back from what every write leaves behind:
 * the row log names each logged row's table (row-log.ts triggers) and the audit log names
 * each action's entity (a table name: voucher, claim, period, …), for writes on any
 * connection (a job worker's too). A mark is the two logs' last ids; `changedSince` lists
 * the distinct names after it. Two primary-key lookups per mark, so every request can
 * afford one; the engine pushes the answer as `book.changed` (engine/engine.ts). Raw SQL:
 * it runs around every request, and row_log is the triggers' table, not a typed one.
 */
import type { Book } from './book';

export interface ChangeMark {
  rowLog: number;
  audit: number;
}

export function changeMark(book: Book): ChangeMark {
  const last = (table: string) => (book.sqlite.prepare(`SELECT COALESCE(MAX(id), 0) AS id FROM ${table}`).get() as { id: number }).id;
  return { rowLog: last('row_log'), audit: last('audit_log') };
}

/** The tables written since `mark`, sorted; empty when nothing was. */
export function changedSince(book: Book, mark: ChangeMark): string[] {
  const now = changeMark(book);
  if (now.rowLog === mark.rowLog && now.audit === mark.audit) return [];
  const names = book.sqlite
    .prepare(`SELECT tbl AS name FROM row_log WHERE id > ? UNION SELECT entity FROM audit_log WHERE id > ? ORDER BY 1`)
    .pluck()
    .all(mark.rowLog, mark.audit) as string[];
  return names;
}
