/**
 * The chain heads and their keyed tags (audit-key.ts). audit_head (migration 0900) holds
 * the audit chain's last record id, hash and record count, like row_log_head does for the
 * row log: records cut off the end no longer match it. Both heads carry
 * tag = HMAC(book key, head) whenever the writing connection has the book's key, so a chain
 * re-hashed with the published recipe, or cut and its head rewritten, fails the tag.
 * Each connection's key is registered here (the session's, a job worker's) before it writes.
 */
import type { Statement } from 'better-sqlite3';
import type { Sqlite } from '../db/sqlite';
import { hmac } from './audit-key';

export interface ConnectionKey {
  key: Buffer | null;
  /** Where the key store is, for "key absent" findings. */
  where: string;
}

const keys = new WeakMap<Sqlite, ConnectionKey>();
export const setConnectionKey = (sqlite: Sqlite, k: ConnectionKey): void => void keys.set(sqlite, k);
export const connectionKey = (sqlite: Sqlite): ConnectionKey | undefined => keys.get(sqlite);

/*
 * Raw SQL on purpose: the heads are moved below the Book (on the bare connection, from every
 * transaction and every migration, like audit.ts), so there is no Book.db to run Kysely on;
 * and they are on every write's path, so each statement is prepared once per connection and
 * kept (re-preparing them per call was a fifth of the demo book's CPU: a profile of fillDemo
 * had ~290 ms of prepare() under advanceAuditHead, none after; 20,000 appendAudit +
 * tagRowLogHead measured 71-79 µs CPU per record before, 29-30 µs after).
 * A statement on a head table is prepared only once that table exists (a book being migrated
 * up to it); the existence checks still run each call, from their own kept statements, so a
 * migration rolled back after creating a table is seen as it is.
 */
const statements = new WeakMap<Sqlite, Map<string, Statement>>();
function st(sqlite: Sqlite, text: string): Statement {
  let m = statements.get(sqlite);
  if (!m) statements.set(sqlite, (m = new Map()));
  let s = m.get(text);
  if (!s) m.set(text, (s = sqlite.prepare(text)));
  return s;
}

// pragma_table_list(name) looks the one name up (https://www.sqlite.org/pragma.html#pragma_table_list);
// sqlite_master has no index on name, so the same question from it scans the whole schema:
// 10.7-15.5 µs against 4.0 µs a call on the demo book, once per audit record (2,121 in the demo).
// schema and type as sqlite_master's rows would have them: a table of the main database.
const hasTable = (sqlite: Sqlite, name: string): boolean =>
  st(sqlite, `SELECT 1 FROM pragma_table_list(?) WHERE schema = 'main' AND type = 'table'`).get(name) !== undefined;
// The table-valued form of PRAGMA table_info(row_log_head), so it can be kept prepared (https://www.sqlite.org/pragma.html#pragfunc).
const hasTag = (sqlite: Sqlite): boolean => st(sqlite, `SELECT 1 FROM pragma_table_info('row_log_head') WHERE name = 'tag'`).get() !== undefined;

export const auditHeadText = (lastId: number, hash: string, records: number): string => JSON.stringify(['audit_head', lastId, hash, records]);
export const rowLogHeadText = (lastId: number, hash: string): string => JSON.stringify(['row_log_head', lastId, hash]);

const tagFor = (sqlite: Sqlite, text: string): string | null => {
  const k = keys.get(sqlite)?.key;
  return k ? hmac(k, text) : null;
};

/** After an audit record is appended: move the head to it (and tag it). */
export function advanceAuditHead(sqlite: Sqlite, id: number, hash: string): void {
  if (!hasTable(sqlite, 'audit_head')) return; // a book being migrated up to 0900
  const records = (st(sqlite, 'SELECT records FROM audit_head WHERE k = 1').pluck().get() as number | undefined) ?? 0;
  const tag = tagFor(sqlite, auditHeadText(id, hash, records + 1));
  st(sqlite, 'INSERT OR REPLACE INTO audit_head (k, last_id, hash, records, tag) VALUES (1, ?, ?, ?, ?)').run(id, hash, records + 1, tag);
}

/** After row-log entries are sealed: tag the row log's head. */
export function tagRowLogHead(sqlite: Sqlite, lastId: number, hash: string): void {
  if (!hasTag(sqlite)) return;
  st(sqlite, 'UPDATE row_log_head SET tag = ? WHERE k = 1').run(tagFor(sqlite, rowLogHeadText(lastId, hash)));
}

/**
 * The heads as they stand, for a period's closing record and the period pack: an outside
 * copy of the chain's state that a later rewrite of the whole file cannot reach.
 */
export function chainHeads(sqlite: Sqlite): { auditLastId: number; auditHash: string; rowLogLastId: number | null; rowLogHash: string | null } {
  const a = hasTable(sqlite, 'audit_head') ? (st(sqlite, 'SELECT last_id, hash FROM audit_head WHERE k = 1').get() as { last_id: number; hash: string } | undefined) : undefined;
  const r = hasTable(sqlite, 'row_log_head') ? (st(sqlite, 'SELECT last_id, hash FROM row_log_head WHERE k = 1').get() as { last_id: number; hash: string } | undefined) : undefined;
  return { auditLastId: a?.last_id ?? 0, auditHash: a?.hash ?? '0'.repeat(64), rowLogLastId: r?.last_id ?? null, rowLogHash: r?.hash ?? null };
}
