/**
 * The audit trail: append-only records chained by SHA-256, so an edit behind the app's
 * back breaks the chain at the first altered record.
 */
import { createHash } from 'node:crypto';
import type { Statement } from 'better-sqlite3';
import type { Sqlite } from '../db/sqlite';
import { advanceAuditHead } from './audit-head';

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

interface AuditRow {
  id: number;
  at: string;
  user: string;
  action: string;
  entity: string;
  entity_id: string;
  before: string | null;
  after: string | null;
  prev_hash: string;
  hash: string;
}

function digest(r: Omit<AuditRow, 'id' | 'hash'>): string {
  const text = JSON.stringify([r.prev_hash, r.at, r.user, r.action, r.entity, r.entity_id, r.before, r.after]);
  return createHash('sha256').update(text).digest('hex');
}

const statements = new WeakMap<Sqlite, { last: Statement; insert: Statement }>();
function prepared(sqlite: Sqlite) {
  let s = statements.get(sqlite);
  if (!s) {
    s = {
      last: sqlite.prepare('SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1'),
      insert: sqlite.prepare(
        `INSERT INTO audit_log (at, user, action, entity, entity_id, before, after, prev_hash, hash)
         VALUES (@at, @user, @action, @entity, @entity_id, @before, @after, @prev_hash, @hash)`,
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
  const id = Number(st.insert.run({ ...row, hash }).lastInsertRowid);
  advanceAuditHead(sqlite, id, hash);
}

export type ChainCheck = ({ ok: true; records: number } | { ok: false; records: number; brokenAt: number; reason: string }) & { lastId: number; lastHash: string };

/** Walks the chain in id order; reports the first record whose link or content is wrong. */
export function verifyAuditChain(sqlite: Sqlite): ChainCheck {
  let prev = GENESIS;
  let records = 0;
  let lastId = 0;
  for (const r of sqlite.prepare('SELECT * FROM audit_log ORDER BY id').iterate() as IterableIterator<AuditRow>) {
    records++;
    if (r.prev_hash !== prev) return { ok: false, records, brokenAt: r.id, reason: 'link', lastId, lastHash: prev };
    if (digest(r) !== r.hash) return { ok: false, records, brokenAt: r.id, reason: 'content', lastId, lastHash: prev };
    prev = r.hash;
    lastId = r.id;
  }
  return { ok: true, records, lastId, lastHash: prev };
}
