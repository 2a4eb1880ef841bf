/**
 * The audit trail: append-only records chained by SHA-256, so an edit behind the app's
 * back breaks the chain at the first altered record.
 */
import type { Statement } from 'better-sqlite3';
import type { Sqlite } from '../db/sqlite';
import type { Selectable } from 'kysely';
import type { AuditLogTable } from '../db/schema/audit';
import { advanceAuditHead } from './audit-head';
import { sha256Hex } from './sha256';

export interface AuditEntry {
  action: string;
  entity: string;
  entityId: string | number;
  before?: unknown;
  after?: unknown;
  user?: string;
  at?: string;
}

const GENESIS = '0'.repeat(64);

type AuditRow = Selectable<AuditLogTable>;

function digest(r: Omit<AuditRow, 'id' | 'hash'>): string {
  return sha256Hex(JSON.stringify([r.prev_hash, r.at, r.user, r.action, r.entity, r.entity_id, r.before, r.after]));
}

// Raw SQL on purpose: the audit trail is written below the Book (on the bare connection, from
// every transaction and migration) and walked row by row with iterate(), which Queries does not offer.
const statements = new WeakMap<Sqlite, { last: Statement; insert: Statement }>();
function prepared(sqlite: Sqlite) {
  let s = statements.get(sqlite);
  if (!s) {
    s = {
      last: sqlite.prepare('SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1'),
      // Positional, not named (@at, …): better-sqlite3 binds an object's keys by name, 5.0 against
      // 3.0 µs an insert (5,000 inserts into the demo book's audit_log).
      insert: sqlite.prepare(
        `INSERT INTO audit_log (at, user, action, entity, entity_id, before, after, prev_hash, hash)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ),
    };
    statements.set(sqlite, s);
  }
  return s;
}

export function appendAudit(sqlite: Sqlite, e: AuditEntry): void {
  const st = prepared(sqlite);
  const last = st.last.get() as { hash: string } | undefined;
  const row = {
    at: e.at ?? new Date().toISOString(),
    user: e.user ?? 'system',
    action: e.action,
    entity: e.entity,
    entity_id: String(e.entityId),
    before: e.before === undefined ? null : JSON.stringify(e.before),
    after: e.after === undefined ? null : JSON.stringify(e.after),
    prev_hash: last?.hash ?? GENESIS,
  };
  const hash = digest(row);
  const id = Number(st.insert.run(row.at, row.user, row.action, row.entity, row.entity_id, row.before, row.after, row.prev_hash, hash).lastInsertRowid);
  advanceAuditHead(sqlite, id, hash);
}

export type ChainCheck = ({ ok: true; records: number } | { ok: false; records: number; brokenAt: number; reason: string }) & { lastId: number; lastHash: string };

/**
 * The text `digest` hashes, built by SQLite (its JSON writer spells text as JSON.stringify
 * does, voucher-hash.test.ts): the walk then carries one string per record into JavaScript
 * instead of ten columns (3.8 s → see the commit, 250,000 records on the benchmark book).
 */
const DIGEST_TEXT_SQL = 'json_array(prev_hash, at, user, action, entity, entity_id, before, after)';

/**
 * Walks the chain in id order; reports the first record whose link or content is wrong.
 * A record whose SQL-built text does not hash to its hash is re-read and digested the
 * JavaScript way before it counts as altered.
 */
export function verifyAuditChain(sqlite: Sqlite): ChainCheck {
  let prev = GENESIS;
  let records = 0;
  let lastId = 0;
  for (const [id, prevHash, hash, text] of sqlite.prepare(`SELECT id, prev_hash, hash, ${DIGEST_TEXT_SQL} FROM audit_log ORDER BY id`).raw().iterate() as IterableIterator<[number, string, string, string]>) {
    if (prevHash !== prev) return { ok: false, records: records + 1, brokenAt: id, reason: 'link', lastId, lastHash: prev };
    // Leaving the loop ends the statement, so the JavaScript walk can read.
    if (sha256Hex(text) !== hash) return walkInJs(sqlite, lastId, prev, records);
    records++;
    prev = hash;
    lastId = id;
  }
  return { ok: true, records, lastId, lastHash: prev };
}

/** The walk with each record's text built by `digest`, on from the record after `lastId`. */
function walkInJs(sqlite: Sqlite, lastId: number, prev: string, records: number): ChainCheck {
  for (const r of sqlite.prepare('SELECT * FROM audit_log WHERE id > ? ORDER BY id').iterate(lastId) as IterableIterator<AuditRow>) {
    records++;
    if (r.prev_hash !== prev) return { ok: false, records, brokenAt: r.id, reason: 'link', lastId, lastHash: prev };
    if (digest(r) !== r.hash) return { ok: false, records, brokenAt: r.id, reason: 'content', lastId, lastHash: prev };
    prev = r.hash;
    lastId = r.id;
  }
  return { ok: true, records, lastId, lastHash: prev };
}
