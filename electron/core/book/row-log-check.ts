/**
 * `book check` for the row log (row-log.ts): the chain of sealed entries is intact, no
 * entry is left unsealed (a change another program made while the triggers were in
 * place), and every covered table holds exactly what its last sealed entries say: current rows
 * against the latest entry per row, compared in maps.
 */
import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import type { Book } from './book';
import type { CheckFinding } from './check';
import { ROW_LOG_TABLES, rowExprs, rowHash, type SealedRow } from './row-log';

/** Per table, at most this many rows are named; the rest are counted. */
const NAMED = 20;

// Raw SQL on purpose where it stays: sqlite_master is SQLite's schema table (not in DB), the
// chain is walked with iterate() entry by entry, each covered table is read by its dynamic
// name with computed expressions (row-log.ts), and receipts one blob at a time.
export function checkRowLog(book: Book): CheckFinding[] {
  const s = book.sqlite;
  if (!s.prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'row_log'`).get()) return [];
  const findings: CheckFinding[] = [];
  const add = (message: string) => findings.push({ check: 'audit', message });

  // (a) The chain, in id order over sealed entries, ends at the recorded head.
  let prev = '0'.repeat(64);
  let last = 0;
  for (const r of s.prepare('SELECT id, tbl, row_id, op, row_json, sealed_hash FROM row_log WHERE sealed_hash IS NOT NULL ORDER BY id').iterate() as IterableIterator<SealedRow & { sealed_hash: string }>) {
    const h = rowHash(prev, r);
    if (h !== r.sealed_hash) {
      add(`row_log ${r.id} (${r.tbl} ${r.row_id}): entry altered, row log chain broken`);
      break;
    }
    prev = h;
    last = r.id;
  }
  const head = book.db.first(book.q.selectFrom('row_log_head').select(['last_id', 'hash']).where('k', '=', 1));
  if (findings.length === 0 && (!head || head.last_id !== last || head.hash !== prev)) add(`row_log: chain ends at entry ${last}, its head says ${head?.last_id ?? 'nothing'}: entries removed`);

  // (b) Entries nobody sealed: written by a program other than this app.
  const unsealed = book.db.all(
    book.q
      .selectFrom('row_log')
      .select(['tbl', sql<number>`count(*)`.as('n'), sql<number>`min(id)`.as('first')])
      .where('sealed_hash', 'is', null)
      .groupBy('tbl')
      .orderBy('tbl'),
  );
  for (const u of unsealed) add(`${u.tbl}: ${u.n} change(s) made outside the app (row log entry ${u.first} on, not sealed)`);

  // (c) Each covered table against its latest sealed entries. A table a later program dropped is not ours to judge.
  // Compared in maps, not in SQL: a FULL JOIN of the table's computed row ids against the
  // latest entries has no index to use, and was a nested loop (18 s for 10,000 customers).
  const latestOf = (t: string) =>
    book.db.all(
      book.q
        .selectFrom('row_log as l')
        .select(['l.row_id', 'l.op', 'l.row_json'])
        .where('l.id', 'in', (q) => q.selectFrom('row_log').select(sql<number>`max(id)`.as('id')).where('tbl', '=', t).where('sealed_hash', 'is not', null).groupBy('row_id')),
    );
  const exists = s.prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?`);
  for (const t of ROW_LOG_TABLES) {
    if (!exists.get(t)) continue;
    const e = rowExprs(s, t, t);
    const latest = new Map(latestOf(t).map((l) => [l.row_id, { op: l.op, json: l.row_json }]));
    const problems: { row_id: string; problem: string }[] = [];
    for (const [id, json] of s.prepare(`SELECT ${e.id}, ${e.json} FROM ${t}`).raw().iterate() as IterableIterator<[string, string]>) {
      const l = latest.get(id);
      latest.delete(id);
      if (!l) problems.push({ row_id: id, problem: 'present but never logged' });
      else if (l.op === 'delete') problems.push({ row_id: id, problem: 'logged as deleted but present' });
      else if (l.json !== json) problems.push({ row_id: id, problem: 'differs from its logged state' });
    }
    for (const [id, l] of latest) if (l.op !== 'delete') problems.push({ row_id: id, problem: 'logged but missing (deleted outside the app)' });
    // SQLite's ORDER BY on text compares UTF-8 bytes; so does Buffer.compare.
    problems.sort((a, b) => Buffer.compare(Buffer.from(a.row_id), Buffer.from(b.row_id)));
    for (const r of problems.slice(0, NAMED)) add(`${t} ${r.row_id}: ${r.problem}`);
    if (problems.length > NAMED) add(`${t}: ${problems.length - NAMED} more rows differ from the row log`);
  }
  findings.push(...checkReceiptBytes(book));
  return findings;
}

/** Receipt bytes are logged by length only: their recorded sha256 (which is logged) must still match them. */
function checkReceiptBytes(book: Book): CheckFinding[] {
  const out: CheckFinding[] = [];
  if (!book.sqlite.prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'claim_receipt'`).get()) return out;
  for (const r of book.sqlite.prepare('SELECT id, sha256, data FROM claim_receipt').iterate() as IterableIterator<{ id: number; sha256: string; data: Buffer }>) {
    if (sha256(r.data) !== r.sha256) out.push({ check: 'audit', message: `claim_receipt [${r.id}]: file bytes differ from their recorded sha256` });
  }
  return out;
}

const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');
