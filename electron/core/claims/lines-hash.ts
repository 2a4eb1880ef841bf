/**
 * Claim lines are not in the row log (an import writes 200,000 of them at once): instead
 * every action that writes a claim's lines records their SHA-256 as `linesHash` in its
 * audit record (claim.create, claim.update, claim.attach), and `book check` recomputes it
 * for every claim. A claim deleted is covered by the row log on `claim`, its lines by the
 * foreign key (ON DELETE CASCADE: lines without their claim fail the foreign-key check).
 */
import { createHash, type Hash } from 'node:crypto';
import type { Book } from '../book/book';
import type { CheckFinding } from '../book/check';
import { appendAudit } from '../book/audit';
import type { Sqlite } from '../db/sqlite';

/** Every column but id (a renumbering is no change) and claim_id (the key). */
const COLUMNS = 'line_no, date, category_id, customer_id, department_id, description, invoice_no, invoice_type, amount_fen, tax_fen, receipt';
const EMPTY = createHash('sha256').digest('hex');

const feed = (h: Hash, row: unknown[]) => h.update(JSON.stringify(row)).update('\n');

/** The hash of one claim's lines as they are now: call after writing them, for the audit record. */
export function claimLinesHash(book: Book, claimId: number): string {
  const h = createHash('sha256');
  for (const row of book.sqlite.prepare(`SELECT ${COLUMNS} FROM claim_line WHERE claim_id = ? ORDER BY line_no`).raw().iterate(claimId) as IterableIterator<unknown[]>) feed(h, row);
  return h.digest('hex');
}

/** Every claim's lines hash in one pass (claims without lines hash as EMPTY). */
function allLinesHashes(sqlite: Sqlite): Map<number, string> {
  const out = new Map<number, string>();
  for (const id of sqlite.prepare('SELECT id FROM claim').pluck().all() as number[]) out.set(id, EMPTY);
  let current: number | null = null;
  let h = createHash('sha256');
  for (const row of sqlite.prepare(`SELECT claim_id, ${COLUMNS} FROM claim_line ORDER BY claim_id, line_no`).raw().iterate() as IterableIterator<unknown[]>) {
    const id = row[0] as number;
    if (id !== current) {
      if (current !== null) out.set(current, h.digest('hex'));
      current = id;
      h = createHash('sha256');
    }
    feed(h, row.slice(1));
  }
  if (current !== null) out.set(current, h.digest('hex'));
  return out;
}

/** Books made before lines were hashed: one audit record with every claim's lines as they are (migration 0600). */
export function baselineClaimLines(sqlite: Sqlite): void {
  const hashes = allLinesHashes(sqlite);
  if (hashes.size === 0) return;
  appendAudit(sqlite, { action: 'claim.linesBaseline', entity: 'claim', entityId: 'baseline', after: { linesHashes: Object.fromEntries(hashes) } });
}

export function checkClaimLines(book: Book): CheckFinding[] {
  const recorded = new Map<number, string>();
  const records = book.sqlite
    .prepare(`SELECT entity_id, after FROM audit_log WHERE entity = 'claim' AND action IN ('claim.create', 'claim.update', 'claim.attach', 'claim.linesBaseline') ORDER BY id`)
    .iterate() as IterableIterator<{ entity_id: string; after: string | null }>;
  for (const r of records) {
    const after = r.after ? (JSON.parse(r.after) as { linesHash?: string; linesHashes?: Record<string, string> }) : {};
    if (after.linesHashes) for (const [id, h] of Object.entries(after.linesHashes)) recorded.set(Number(id), h);
    else if (after.linesHash) recorded.set(Number(r.entity_id), after.linesHash);
  }
  const findings: CheckFinding[] = [];
  for (const [id, now] of allLinesHashes(book.sqlite)) {
    const want = recorded.get(id);
    if (want === undefined) findings.push({ check: 'audit', message: `claim_line of claim ${id}: lines never audited` });
    else if (want !== now) findings.push({ check: 'audit', message: `claim_line of claim ${id}: lines differ from their audit record` });
  }
  return findings;
}
