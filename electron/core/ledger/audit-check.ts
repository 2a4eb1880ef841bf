/**
 * `book check` for the ledger: every posted voucher must still say what its posting's
 * audit record says it said. An edit of voucher lines behind the app's back (triggers
 * dropped, rows changed with sqlite3) shows here.
 *
 * Profiled on the 1,000,000-line benchmark book: two statements per voucher took 11.9 s
 * (500,000 statement round trips); a join in voucher, line order through the UNIQUE
 * (voucher_id, line_no) index still paid a B-tree search per line (4.1 s CPU against 2.9 s
 * for a scan). So the lines are read in table order, where a voucher's lines lie together
 * in line order because they are written together; a voucher whose lines do not (a line
 * out of order, or met again after its run ended) is re-read on its own afterwards.
 * Since migration 0800 the posting record also carries the stamp (凭证字号, 附单据, maker,
 * reviewer), checked too; a 凭证整理 record ('voucher.renumber') supersedes the numbers
 * and the digest of the posting before it.
 */
import type { Book } from '../book/book';
import type { CheckFinding } from '../book/check';
import { HASH_LINE_FIELDS, voucherContentHash, voucherContentHashOfRows, voucherHeader, voucherLabel, voucherLines, type VoucherHeader } from './vouchers';

type Header = Pick<VoucherHeader, 'period' | 'number' | 'date' | 'memo' | 'word' | 'word_no' | 'attachments' | 'created_by' | 'reviewed_by' | 'review_kind'>;

/** What the audit says of a posted voucher (the stamp fields since migration 0800). */
interface Recorded { contentHash: string; word?: string; wordNo?: number; attachments?: number; maker?: string; reviewer?: string | null; reviewKind?: string | null }

const stampMatches = (h: Header, r: Recorded): boolean =>
  h.word === r.word && h.word_no === r.wordNo && h.attachments === r.attachments && h.created_by === r.maker && h.reviewed_by === (r.reviewer ?? null) && h.review_kind === (r.reviewKind ?? null);

export function checkPostedVouchers(book: Book): CheckFinding[] {
  const s = book.sqlite;
  const findings: CheckFinding[] = [];
  const recorded = new Map<number, Recorded>();
  const records = s.prepare(`SELECT entity_id, action, after FROM audit_log WHERE action IN ('voucher.post', 'voucher.renumber') ORDER BY id`).raw().iterate() as IterableIterator<[string, string, string]>;
  for (const [entity, action, json] of records) {
    const after = JSON.parse(json) as Recorded;
    const id = Number(entity);
    recorded.set(id, action === 'voucher.post' ? after : { ...recorded.get(id), contentHash: after.contentHash, ...(after.wordNo !== undefined ? { wordNo: after.wordNo } : {}) });
  }
  const posted = new Map<number, Header>();
  const headers = s
    .prepare(`SELECT id, period, number, date, memo, word, word_no, attachments, created_by, reviewed_by, review_kind FROM voucher WHERE status = 'posted'`)
    .iterate() as IterableIterator<Header & { id: number }>;
  for (const { id, ...h } of headers) posted.set(id, h);
  // Content hash per posted voucher; 'again' marks one whose lines were not one ordered run.
  const hashes = new Map<number, string>();
  const again = new Set<number>();
  let run: number | null = null;
  let lines: unknown[][] = [];
  const close = () => {
    if (run === null) return;
    const h = posted.get(run);
    if (h && !again.has(run)) {
      if (hashes.has(run)) again.add(run);
      else hashes.set(run, voucherContentHashOfRows(h, lines));
    }
    run = null;
  };
  // The hash's line fields in its fixed order, after the voucher id (line_no first: the run check below reads it).
  const rows = s
    .prepare(`SELECT voucher_id, ${HASH_LINE_FIELDS.join(', ')} FROM voucher_line`)
    .raw()
    .iterate() as IterableIterator<[number, number, ...unknown[]]>;
  for (const row of rows) {
    const id = row[0];
    if (id !== run) {
      close();
      run = id;
      lines = [];
    } else if ((lines[lines.length - 1]![0] as number) > row[1]) {
      again.add(id);
    }
    lines.push(row.slice(1));
  }
  close();
  for (const id of again) hashes.set(id, voucherContentHash(voucherHeader(book, id), voucherLines(book, id)));

  for (const [id, h] of posted) {
    const want = recorded.get(id);
    const label = `${h.period} ${voucherLabel(h.word, h.word_no ?? h.number)}`;
    if (!want) findings.push({ check: 'audit', message: `${label}: posted without an audit record` });
    else if ((hashes.get(id) ?? voucherContentHash(h, [])) !== want.contentHash) findings.push({ check: 'audit', message: `${label}: content differs from its audited posting` });
    else if (want.word !== undefined && !stampMatches(h, want)) findings.push({ check: 'audit', message: `${label}: 凭证字号, 附单据 or 制单/审核 differ from its audited posting` });
    recorded.delete(id);
  }
  for (const id of recorded.keys()) findings.push({ check: 'audit', message: `voucher ${id}: audited posting but no posted voucher` });
  return findings;
}
