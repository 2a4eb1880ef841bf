/**
 * The row log: SQLite triggers append every insert, update and delete on the tables that
 * hold book data to `row_log` (the row as json_object of all its columns), and the app
 * seals what its own connection logged, chaining SHA-256 hashes like the audit log.
 * `book check` (row-log-check.ts) then finds three kinds of edit made behind the app's back:
 * - triggers intact: the change is logged but never sealed;
 * - triggers dropped: the row differs from (or is missing from) its last sealed entry;
 * - row_log itself edited: the chain breaks.
 *
 * Which entries are "ours": every Book connection creates a TEMP trigger (visible only to
 * that connection) that notes the ids it logs in temp.row_log_mine. Sealing seals exactly
 * those, and only the ones logged inside the current transaction (Book.tx forgets older
 * notes), so a change another program logged while the app was closed, or one made on the
 * app's connection outside a transaction, stays unsealed for good. Inside a write
 * transaction nobody else can log, so sealing order is id order, which the chain relies on.
 *
 * Triggers are generated from the columns a table has when installRowLog runs (migration
 * 0600). A later migration that adds a column to a covered table must call
 * installRowLog(sqlite) again at its end (it drops and recreates the triggers, logs nothing
 * new); otherwise the new column is not logged and `book check` reports every row of
 * that table as different.
 */
import type { Statement } from 'better-sqlite3';
import type { Sqlite } from '../db/sqlite';
import { tagRowLogHead } from './audit-head';
import { sha256Hex } from './sha256';

/**
 * Tables guarded by triggers. Not here, and why:
 * - voucher, voucher_line: posted vouchers are immutable (triggers) and their content hash
 *   is in the 'voucher.post' audit record (ledger/audit-check.ts); drafts are not yet books.
 * - ledger_total: derived from posted lines, recomputed and compared (ledger/totals-check.ts).
 * - audit_log: its own hash chain. row_log, _migration: bookkeeping of the mechanism itself.
 * - claim_line: up to 200,000 rows per import (triggers on it made a 200k-row import
 *   about 65 % slower: 41-43 s against 24-26 s); covered by a lines hash in the claim's
 *   audit records instead (claims/lines-hash.ts, book/child-hash.ts).
 * - alloc_line: millions of rows per run; covered by a lines hash in the run's audit record
 *   (allocation/lines-hash.ts, book/child-hash.ts).
 * - import_line, import_reject: duplicate fingerprints and rejected-row diagnostics of an
 *   import, 200,000 rows a file; they change no amount (the accepted rows are claim lines).
 */
export const ROW_LOG_TABLES = [
  'book_meta', 'period', 'account', 'department', 'employee', 'customer', 'category',
  'claim', 'claim_step', 'claim_receipt', 'app_user', 'policy_rule', 'approval_level', 'budget',
  'driver_value', 'timesheet', 'schedule', 'schedule_entry', 'alloc_rule', 'alloc_run',
  'import_batch', 'import_mapping', 'invoice',
] as const;

const GENESIS = '0'.repeat(64);

interface Column { name: string; type: string; pk: number }
const columnsOf = (sqlite: Sqlite, table: string): Column[] => sqlite.pragma(`table_info(${table})`) as Column[];
const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** SQL for a row's identity and content, over alias (NEW, OLD or the table itself). */
export function rowExprs(sqlite: Sqlite, table: string, alias: string): { id: string; json: string } {
  const cols = columnsOf(sqlite, table);
  if (cols.length === 0) throw new Error(`row log: no table ${table}`);
  const pk = cols.filter((c) => c.pk > 0).sort((a, b) => a.pk - b.pk);
  const ref = (c: string) => `${alias}.${quote(c)}`;
  // JSON cannot hold a BLOB: a receipt's bytes are logged by length; its sha256 column is logged and checked against the bytes.
  const value = (c: Column) => (c.type.toUpperCase() === 'BLOB' ? `length(${ref(c.name)})` : ref(c.name));
  return {
    id: pk.length > 0 ? `json_array(${pk.map((c) => ref(c.name)).join(', ')})` : `json_array(${alias}.rowid)`,
    json: `json_object(${cols.map((c) => `'${c.name}', ${value(c)}`).join(', ')})`,
  };
}

function triggersFor(sqlite: Sqlite, t: string): string {
  const n = rowExprs(sqlite, t, 'NEW');
  const o = rowExprs(sqlite, t, 'OLD');
  const log = (op: string, e: { id: string; json: string }) => `INSERT INTO row_log (tbl, row_id, op, row_json) VALUES ('${t}', ${e.id}, '${op}', ${e.json});`;
  return `
DROP TRIGGER IF EXISTS rl_${t}_ins; DROP TRIGGER IF EXISTS rl_${t}_upd; DROP TRIGGER IF EXISTS rl_${t}_del;
CREATE TRIGGER rl_${t}_ins AFTER INSERT ON ${t} BEGIN ${log('insert', n)} END;
CREATE TRIGGER rl_${t}_upd AFTER UPDATE ON ${t} BEGIN
  INSERT INTO row_log (tbl, row_id, op, row_json) SELECT '${t}', ${o.id}, 'delete', ${o.json} WHERE ${o.id} IS NOT ${n.id};
  ${log('update', n)}
END;
CREATE TRIGGER rl_${t}_del AFTER DELETE ON ${t} BEGIN ${log('delete', o)} END;`;
}

/**
 * After a migration adds a column to a covered table: logs every row in its new shape, so
 * `book check` compares like with like (the migration's sealing seals these entries). Without
 * it every existing row would read as "differs from its logged state".
 */
export function relogRows(sqlite: Sqlite, table: (typeof ROW_LOG_TABLES)[number]): void {
  const e = rowExprs(sqlite, table, table);
  // Raw SQL on purpose: the table and its json_object(...) of columns are generated from the table's current columns.
  sqlite.exec(`INSERT INTO row_log (tbl, row_id, op, row_json) SELECT '${table}', ${e.id}, 'update', ${e.json} FROM ${table}`);
}

/**
 * Creates row_log and (re)creates every covered table's triggers from its current columns.
 * The first time, it logs every existing row as a sealed 'baseline'. Runs inside a migration.
 */
export function installRowLog(sqlite: Sqlite): void {
  // Raw SQL on purpose (all of installRowLog): DDL and triggers generated from each table's
  // columns, run once inside a migration on the bare connection (no Book yet).
  const fresh = !sqlite.prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'row_log'`).get();
  sqlite.exec(`
CREATE TABLE IF NOT EXISTS row_log (
  id          INTEGER PRIMARY KEY,
  tbl         TEXT NOT NULL,
  row_id      TEXT NOT NULL,
  op          TEXT NOT NULL CHECK (op IN ('baseline','insert','update','delete')),
  row_json    TEXT NOT NULL,
  sealed_hash TEXT
) STRICT;
CREATE INDEX IF NOT EXISTS ix_row_log_row ON row_log(tbl, row_id, id);
CREATE INDEX IF NOT EXISTS ix_row_log_unsealed ON row_log(id) WHERE sealed_hash IS NULL;
-- The chain head, like the audit chain's last hash: a cut-off tail shows as a mismatch.
CREATE TABLE IF NOT EXISTS row_log_head (k INTEGER PRIMARY KEY CHECK (k = 1), last_id INTEGER NOT NULL, hash TEXT NOT NULL) STRICT;
INSERT OR IGNORE INTO row_log_head VALUES (1, 0, '${GENESIS}');
CREATE TRIGGER IF NOT EXISTS tr_row_log_no_upd BEFORE UPDATE ON row_log WHEN OLD.sealed_hash IS NOT NULL
BEGIN SELECT RAISE(ABORT, 'row log is append-only'); END;
CREATE TRIGGER IF NOT EXISTS tr_row_log_no_del BEFORE DELETE ON row_log
BEGIN SELECT RAISE(ABORT, 'row log is append-only'); END;`);
  const before = maxId(sqlite);
  for (const t of ROW_LOG_TABLES) {
    // A table of a later migration (applied after this one on an older book) gets its triggers then.
    if (columnsOf(sqlite, t).length === 0) continue;
    sqlite.exec(triggersFor(sqlite, t));
    if (fresh) {
      const e = rowExprs(sqlite, t, t);
      sqlite.exec(`INSERT INTO row_log (tbl, row_id, op, row_json) SELECT '${t}', ${e.id}, 'baseline', ${e.json} FROM ${t}`);
    }
  }
  sealRange(sqlite, before);
}

// Raw SQL on purpose: the migrations' connection has no Book (installRowLog, once per migration).
const maxId = (sqlite: Sqlite): number => (sqlite.prepare('SELECT coalesce(max(id), 0) FROM row_log').pluck().get() as number) ?? 0;

export interface SealedRow { id: number; tbl: string; row_id: string; op: string; row_json: string }
// sha256Hex: the same digest of the same UTF-8 text as createHash(…).update(…).digest('hex'), without the Hash object (sha256.ts).
export const rowHash = (prev: string, r: SealedRow): string => sha256Hex(JSON.stringify([prev, r.id, r.tbl, r.row_id, r.op, r.row_json]));

/**
 * Raw SQL on purpose: sealing runs below the Book (on the bare connection, from every
 * Book.tx, every audited action and every migration), so its statements are prepared once
 * per connection and kept (preparing them each time showed in the demo book's profile).
 */
const cached = new WeakMap<Sqlite, Map<string, Statement>>();
function st(sqlite: Sqlite, sql: string): Statement {
  let m = cached.get(sqlite);
  if (!m) cached.set(sqlite, (m = new Map()));
  let s = m.get(sql);
  if (!s) m.set(sql, (s = sqlite.prepare(sql)));
  return s;
}

function sealRows(sqlite: Sqlite, rows: Iterable<SealedRow>): void {
  const head = st(sqlite, 'SELECT last_id, hash FROM row_log_head WHERE k = 1').get() as { last_id: number; hash: string };
  const set = st(sqlite, 'UPDATE row_log SET sealed_hash = ? WHERE id = ?');
  let { hash } = head;
  let last = head.last_id;
  for (const r of rows) {
    hash = rowHash(hash, r);
    set.run(hash, r.id);
    last = r.id;
  }
  if (last !== head.last_id) {
    st(sqlite, 'UPDATE row_log_head SET last_id = ?, hash = ? WHERE k = 1').run(last, hash);
    tagRowLogHead(sqlite, last, hash);
  }
}

/** Seals the unsealed rows logged after id `after` (migrations: nobody else can write meanwhile). */
export function sealRange(sqlite: Sqlite, after: number): void {
  const rows = st(sqlite, 'SELECT id, tbl, row_id, op, row_json FROM row_log WHERE id > ? AND sealed_hash IS NULL ORDER BY id').all(after) as SealedRow[];
  sealRows(sqlite, rows);
}

/** Called by every Book on its connection: notes which row_log ids this connection writes. */
export function watchRowLog(sqlite: Sqlite): boolean {
  // Raw SQL on purpose: a TEMP table and trigger (DDL, once per connection), outside the typed schema.
  if (!sqlite.prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'row_log'`).get()) return false;
  sqlite.exec(`
CREATE TEMP TABLE IF NOT EXISTS row_log_mine (id INTEGER PRIMARY KEY);
CREATE TEMP TRIGGER IF NOT EXISTS row_log_mine_ins AFTER INSERT ON main.row_log BEGIN INSERT INTO row_log_mine VALUES (NEW.id); END;`);
  return true;
}

/** Drops the notes of writes made before the current transaction began (they stay unsealed). */
export function forgetUnsealed(sqlite: Sqlite): void {
  // Kept prepared (st) rather than exec'd: once per Book.tx (0.85 → 0.42 µs CPU, a small win but free).
  st(sqlite, 'DELETE FROM temp.row_log_mine').run();
}

/**
 * Seals what this connection logged in the current transaction. Book.tx calls it before
 * committing and Book.audit before each audit record (so a raw BEGIN … COMMIT writer that
 * audits its work, like the import, is sealed too). Cheap when nothing is pending.
 */
export function sealRowLog(sqlite: Sqlite): void {
  const pending = st(sqlite, 'SELECT EXISTS (SELECT 1 FROM temp.row_log_mine)').pluck().get() === 1;
  if (!pending) return;
  const rows = st(sqlite, 'SELECT l.id, l.tbl, l.row_id, l.op, l.row_json FROM temp.row_log_mine m JOIN main.row_log l ON l.id = m.id WHERE l.sealed_hash IS NULL ORDER BY l.id')
    .all() as SealedRow[];
  sealRows(sqlite, rows);
  st(sqlite, 'DELETE FROM temp.row_log_mine').run();
}
