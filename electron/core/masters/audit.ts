/**
 * Master data changes are audited with the row's after-state (a snapshot of the columns
 * that matter), so `book check` can compare every audited row with what the table holds
 * now: an edit behind the app's back (sqlite3 on the file) shows as a difference.
 * Actions are `masters.<entity>.<verb>`; bulk creation (imports) records one
 * `masters.<entity>.batch` entry with all rows: use auditMasterBatch. Rows removed again
 * (an import undone) are recorded with auditMasterRemoval, so the check expects them gone.
 */
import type { Statement } from 'better-sqlite3';
import type { Book } from '../book/book';
import type { Sqlite } from '../db/sqlite';

export type MasterEntity = 'customer' | 'employee' | 'department' | 'category' | 'account';

/** The audited columns per table; the key column first. */
export const MASTER_COLUMNS: Record<MasterEntity, { table: string; key: string; columns: string[] }> = {
  customer: { table: 'customer', key: 'id', columns: ['code', 'name', 'tier', 'manager_id', 'active'] },
  employee: { table: 'employee', key: 'id', columns: ['code', 'name', 'department_id', 'approver_id', 'active'] },
  department: { table: 'department', key: 'id', columns: ['code', 'name', 'is_service', 'active'] },
  category: { table: 'category', key: 'id', columns: ['code', 'name', 'name_en', 'synonyms', 'account_code', 'is_client', 'active'] },
  account: { table: 'account', key: 'code', columns: ['name', 'parent_code', 'type', 'normal_side', 'active', 'dims'] },
};

export type Snapshot = Record<string, string | number | null>;

/**
 * The snapshot statement per connection and entity, prepared once: auditMasterBatch reads one
 * snapshot per row of an import (thousands), and preparing the SELECT again for each row cost
 * more than running it (measured on a customer row: 25 µs re-prepared, 9 µs cached).
 */
const snapshots = new WeakMap<Sqlite, Map<MasterEntity, Statement>>();

/** The current audited state of one row, or undefined if it is gone. */
export function snapshot(book: Book, entity: MasterEntity, key: string | number): Snapshot | undefined {
  let byEntity = snapshots.get(book.sqlite);
  if (!byEntity) snapshots.set(book.sqlite, (byEntity = new Map()));
  let st = byEntity.get(entity);
  if (!st) {
    const m = MASTER_COLUMNS[entity];
    // Raw SQL on purpose: table and columns are chosen at run time from MASTER_COLUMNS, which Kysely's types cannot follow.
    st = book.sqlite.prepare(`SELECT ${m.columns.join(', ')} FROM ${m.table} WHERE ${m.key} = ?`);
    byEntity.set(entity, st);
  }
  return st.get(key) as Snapshot | undefined;
}

/** Audits one change: call after the write, inside the action's transaction. */
export function auditMaster(book: Book, entity: MasterEntity, verb: string, key: string | number, before: Snapshot | undefined, extra?: Record<string, unknown>): Snapshot {
  const after = snapshot(book, entity, key);
  if (!after) throw new Error(`${entity} ${key} vanished inside its own transaction`);
  book.audit({ action: `masters.${entity}.${verb}`, entity, entityId: key, before, after: { ...after, ...extra } });
  return after;
}

/** One audit record for many rows created or changed at once (an import batch). */
export function auditMasterBatch(book: Book, entity: MasterEntity, keys: (string | number)[], batch: string | number): void {
  if (keys.length === 0) return;
  const rows = keys.map((k) => ({ key: k, state: snapshot(book, entity, k) }));
  book.audit({ action: `masters.${entity}.batch`, entity, entityId: batch, after: { rows } });
}

/** Records that rows were deleted on purpose (e.g. an undone import): call before or after deleting, in the same transaction. */
export function auditMasterRemoval(book: Book, entity: MasterEntity, keys: (string | number)[], batch: string | number): void {
  if (keys.length === 0) return;
  book.audit({ action: `masters.${entity}.remove`, entity, entityId: batch, after: { rows: keys.map((k) => ({ key: k, state: null })) } });
}
