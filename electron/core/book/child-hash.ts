/**
 * Big child tables (claim lines: 200,000 per import; allocation lines: millions per run)
 * are not in the row log, whose triggers would slow their bulk writes by two thirds.
 * Instead the action that writes a parent's children records their SHA-256 in its audit
 * record (`after.linesHash`), and `book check` recomputes every parent's hash in one pass
 * and compares it with the latest one recorded. The parent rows are in the row log; a
 * parent deleted takes its children with it (ON DELETE CASCADE, so orphans fail the
 * foreign-key check). Books made before get one baseline record (`after.linesHashes`).
 */
import { createHash, type Hash } from 'node:crypto';
import type { Statement } from 'better-sqlite3';
import type { Sqlite } from '../db/sqlite';
import { appendAudit } from './audit';
import type { Book } from './book';
import type { CheckFinding } from './check';

export interface ChildSpec {
  table: string;
  parentTable: string;
  parentColumn: string;
  /** Hashed columns: everything but the row id and the parent column. */
  columns: string;
  /** Order within a parent; the one-pass order must keep it per parent. */
  order: string;
  allOrder: string;
  /** The audit records that carry linesHash for a parent (entity_id = parent id). */
  entity: string;
  actions: string[];
  baselineAction: string;
}

const EMPTY = createHash('sha256').digest('hex');
const feed = (h: Hash, row: unknown[]) => h.update(JSON.stringify(row)).update('\n');

/**
 * The same hash fed row by row as the children are written (in `order`, values exactly as
 * SQLite returns them): a bulk writer saves reading millions of rows back.
 */
export function childHasher(): { add(row: unknown[]): void; digest(): string } {
  const h = createHash('sha256');
  return { add: (row) => void feed(h, row), digest: () => h.digest('hex') };
}

// Raw SQL on purpose in this file: the table and columns come from a ChildSpec (dynamic
// names), and the rows (millions of allocation lines) are walked with iterate() as arrays.
// childHash runs once per parent written (an import writes thousands of claims), so its
// statement is prepared once per connection and spec, not at every call.
const childStatements = new WeakMap<Sqlite, Map<ChildSpec, Statement>>();

/** One parent's children hash as they are now: call after writing them, for the audit record. */
export function childHash(sqlite: Sqlite, spec: ChildSpec, parentId: number): string {
  const h = createHash('sha256');
  let bySpec = childStatements.get(sqlite);
  if (!bySpec) childStatements.set(sqlite, (bySpec = new Map()));
  let st = bySpec.get(spec);
  if (!st) bySpec.set(spec, (st = sqlite.prepare(`SELECT ${spec.columns} FROM ${spec.table} WHERE ${spec.parentColumn} = ? ORDER BY ${spec.order}`).raw()));
  const rows = st.iterate(parentId) as IterableIterator<unknown[]>;
  for (const row of rows) feed(h, row);
  return h.digest('hex');
}

/** Every parent's hash in one pass (parents without children hash as EMPTY). */
function allChildHashes(sqlite: Sqlite, spec: ChildSpec): Map<number, string> {
  const hashers = new Map<number, Hash>();
  const rows = sqlite.prepare(`SELECT ${spec.parentColumn}, ${spec.columns} FROM ${spec.table} ORDER BY ${spec.allOrder}`).raw().iterate() as IterableIterator<unknown[]>;
  for (const row of rows) {
    const id = row[0] as number;
    let h = hashers.get(id);
    if (!h) hashers.set(id, (h = createHash('sha256')));
    feed(h, row.slice(1));
  }
  const out = new Map<number, string>();
  for (const id of sqlite.prepare(`SELECT id FROM ${spec.parentTable}`).pluck().all() as number[]) out.set(id, hashers.get(id)?.digest('hex') ?? EMPTY);
  return out;
}

/** For a migration: one audit record with every existing parent's hash. */
export function baselineChildren(sqlite: Sqlite, spec: ChildSpec): void {
  const hashes = allChildHashes(sqlite, spec);
  if (hashes.size === 0) return;
  appendAudit(sqlite, { action: spec.baselineAction, entity: spec.entity, entityId: 'baseline', after: { linesHashes: Object.fromEntries(hashes) } });
}

export function checkChildren(book: Book, spec: ChildSpec): CheckFinding[] {
  const recorded = new Map<number, string>();
  const actions = [...spec.actions, spec.baselineAction];
  const records = book.db.all(book.q.selectFrom('audit_log').select(['entity_id', 'after']).where('entity', '=', spec.entity).where('action', 'in', actions).orderBy('id'));
  for (const r of records) {
    const after = r.after ? (JSON.parse(r.after) as { linesHash?: string; linesHashes?: Record<string, string> }) : {};
    if (after.linesHashes) for (const [id, h] of Object.entries(after.linesHashes)) recorded.set(Number(id), h);
    else if (after.linesHash) recorded.set(Number(r.entity_id), after.linesHash);
  }
  const findings: CheckFinding[] = [];
  for (const [id, now] of allChildHashes(book.sqlite, spec)) {
    const want = recorded.get(id);
    if (want === undefined) findings.push({ check: 'audit', message: `${spec.table} of ${spec.parentTable} ${id}: lines never audited` });
    else if (want !== now) findings.push({ check: 'audit', message: `${spec.table} of ${spec.parentTable} ${id}: lines differ from their audit record` });
  }
  return findings;
}
