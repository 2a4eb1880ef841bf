/**
 * `book check` for the ledger: every posted voucher must still say what its posting's
 * audit record says it said. An edit of voucher lines behind the app's back (triggers
 * dropped, rows changed with sqlite3) shows here.
 *
 * Profiled on the 1,000,000-line benchmark book: two statements per voucher took 11.9 s
 * (500,000 statement round trips); one pass over voucher_line in table order still spent
 * 4 of its 5 s CPU carrying 10 million values into JavaScript and 2.8 s hashing them. Now
 * SQLite builds each posted voucher's hashed text itself (VOUCHER_CONTENT_SQL, one string
 * per voucher through the (voucher_id, line_no) index) and this side only hashes it:
 * 1.5 s SQL + 0.35 s hashing for the 250,000 vouchers.
 * Since migration 0800 the posting record also carries the stamp (凭证字号, 附单据, maker,
 * reviewer), checked too; a 凭证整理 record ('voucher.renumber') supersedes the numbers
 * and the digest of the posting before it.
 */
import type { Book } from '../book/book';
import type { CheckFinding } from '../book/check';
import { sha256Hex } from '../book/sha256';
import { VOUCHER_CONTENT_SQL, voucherContentHash, voucherHeader, voucherLabel, voucherLines } from './vouchers';

/** What the audit says of a posted voucher (the stamp fields since migration 0800). */
interface Recorded { contentHash: string; word?: string; wordNo?: number; attachments?: number; maker?: string; reviewer?: string | null; reviewKind?: string | null }

/** A posted voucher as the check reads it: raw, since a quarter million row objects cost more than their arrays. */
type Row = [id: number, period: string, number: number | null, word: string, wordNo: number | null, attachments: number, maker: string, reviewer: string | null, reviewKind: string | null, content: string];
const ROW_SQL = `SELECT v.id, v.period, v.number, v.word, v.word_no, v.attachments, v.created_by, v.reviewed_by, v.review_kind, ${VOUCHER_CONTENT_SQL} FROM voucher v WHERE v.status = 'posted'`;

const stampMatches = ([, , , word, wordNo, attachments, maker, reviewer, reviewKind]: Row, r: Recorded): boolean =>
  word === r.word && wordNo === r.wordNo && attachments === r.attachments && maker === r.maker && reviewer === (r.reviewer ?? null) && reviewKind === (r.reviewKind ?? null);

const labelOf = (r: Row) => `${r[1]} ${voucherLabel(r[3], r[4] ?? r[2])}`;

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
  // Texts that do not hash to the record, recomputed the JavaScript way once the scan is done
  // (the connection runs one statement at a time) before they count (see VOUCHER_CONTENT_SQL).
  const unmatched: { row: Row; want: Recorded }[] = [];
  const stamped = (row: Row, want: Recorded) => {
    if (want.word !== undefined && !stampMatches(row, want)) findings.push({ check: 'audit', message: `${labelOf(row)}: 凭证字号, 附单据 or 制单/审核 differ from its audited posting` });
  };
  for (const row of s.prepare(ROW_SQL).raw().iterate() as IterableIterator<Row>) {
    const want = recorded.get(row[0]);
    recorded.delete(row[0]);
    if (!want) findings.push({ check: 'audit', message: `${labelOf(row)}: posted without an audit record` });
    else if (sha256Hex(row[9]) !== want.contentHash) unmatched.push({ row, want });
    else stamped(row, want);
  }
  for (const { row, want } of unmatched) {
    if (voucherContentHash(voucherHeader(book, row[0]), voucherLines(book, row[0])) !== want.contentHash) findings.push({ check: 'audit', message: `${labelOf(row)}: content differs from its audited posting` });
    else stamped(row, want);
  }
  for (const id of recorded.keys()) findings.push({ check: 'audit', message: `voucher ${id}: audited posting but no posted voucher` });
  return findings;
}
