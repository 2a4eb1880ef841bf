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
const ROW_SQL = `SELECT v.id, v.period, v.number, v.word, v.word_no, v.attachments, v.created_by, v.reviewed_by, v.review_kind, ${VOUCHER_CONTENT_SQL} FROM voucher v WHERE v.status = 'posted' AND v.id >= ? AND v.id < ?`;

const stampMatches = ([, , , word, wordNo, attachments, maker, reviewer, reviewKind]: Row, r: Recorded): boolean =>
  word === r.word && wordNo === r.wordNo && attachments === r.attachments && maker === r.maker && reviewer === (r.reviewer ?? null) && reviewKind === (r.reviewKind ?? null);

const labelOf = (r: Row) => `${r[1]} ${voucherLabel(r[3], r[4] ?? r[2])}`;

export function checkPostedVouchers(book: Book): CheckFinding[] {
  return checkPostedVoucherRange(book, WHOLE).flat();
}

/**
 * Vouchers with lo ≤ id < hi and the posting records whose entity id is in that range, so
 * that two threads can check halves of the book (book/check.ts). A record whose entity id
 * is no number belongs to the range that starts at -Infinity.
 */
export interface IdRange { lo: number; hi: number }
export const WHOLE: IdRange = { lo: -Infinity, hi: Infinity };

/**
 * The findings in three stages, in the order checkPostedVouchers reports them: the scan's
 * (no record, stamp), the contents recomputed the JavaScript way, the records left over.
 * The ranges' stages are joined stage by stage.
 */
export function checkPostedVoucherRange(book: Book, range: IdRange): [CheckFinding[], CheckFinding[], CheckFinding[]] {
  const s = book.sqlite;
  const scanned: CheckFinding[] = [];
  const recomputed: CheckFinding[] = [];
  const leftOver: CheckFinding[] = [];
  const { lo, hi } = range;
  const owns = (id: number) => (id >= lo && id < hi) || (lo === -Infinity && Number.isNaN(id));
  const recorded = new Map<number, Recorded>();
  // Raw SQL on purpose: 250,000 records walked with iterate() as arrays (the query builder
  // reads all rows as objects at once). The CAST bounds read only this range's records
  // (and any whose entity id is not a plain integer, which owns() then places).
  const records = s
    .prepare(
      `SELECT entity_id, action, after FROM audit_log WHERE action IN ('voucher.post', 'voucher.renumber')
          AND ((CAST(entity_id AS INTEGER) >= ? AND CAST(entity_id AS INTEGER) < ?) OR CAST(CAST(entity_id AS INTEGER) AS TEXT) IS NOT entity_id) ORDER BY id`,
    )
    .raw()
    .iterate(lo, hi) as IterableIterator<[string, string, string]>;
  for (const [entity, action, json] of records) {
    const id = Number(entity);
    if (!owns(id)) continue;
    const after = JSON.parse(json) as Recorded;
    recorded.set(id, action === 'voucher.post' ? after : { ...recorded.get(id), contentHash: after.contentHash, ...(after.wordNo !== undefined ? { wordNo: after.wordNo } : {}) });
  }
  // Texts that do not hash to the record, recomputed the JavaScript way once the scan is done
  // (the connection runs one statement at a time) before they count (see VOUCHER_CONTENT_SQL).
  const unmatched: { row: Row; want: Recorded }[] = [];
  const stamped = (row: Row, want: Recorded, into: CheckFinding[]) => {
    if (want.word !== undefined && !stampMatches(row, want)) into.push({ check: 'audit', message: `${labelOf(row)}: 凭证字号, 附单据 or 制单/审核 differ from its audited posting` });
  };
  // Raw SQL on purpose: the hot loop (see the top of this file), one text per voucher as arrays.
  for (const row of s.prepare(ROW_SQL).raw().iterate(lo, hi) as IterableIterator<Row>) {
    const want = recorded.get(row[0]);
    recorded.delete(row[0]);
    if (!want) scanned.push({ check: 'audit', message: `${labelOf(row)}: posted without an audit record` });
    else if (sha256Hex(row[9]) !== want.contentHash) unmatched.push({ row, want });
    else stamped(row, want, scanned);
  }
  for (const { row, want } of unmatched) {
    if (voucherContentHash(voucherHeader(book, row[0]), voucherLines(book, row[0])) !== want.contentHash) recomputed.push({ check: 'audit', message: `${labelOf(row)}: content differs from its audited posting` });
    else stamped(row, want, recomputed);
  }
  for (const id of recorded.keys()) leftOver.push({ check: 'audit', message: `voucher ${id}: audited posting but no posted voucher` });
  return [scanned, recomputed, leftOver];
}
