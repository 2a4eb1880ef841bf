/**
 * `book check` for the ledger: every posted voucher must still say what its posting's
 * audit record says it said. An edit of voucher lines behind the app's back (triggers
 * dropped, rows changed with sqlite3) shows here.
 */
import type { Book } from '../book/book';
import type { CheckFinding } from '../book/check';
import { voucherContentHash, voucherHeader, voucherLabel, voucherLines, type VoucherHeader } from './vouchers';

const stampMatches = (h: VoucherHeader, r: Recorded): boolean =>
  h.word === r.word && h.word_no === r.wordNo && h.attachments === r.attachments && h.created_by === r.maker && h.reviewed_by === (r.reviewer ?? null) && h.review_kind === (r.reviewKind ?? null);

/** What a posting's audit record says (the stamp fields since migration 0800); a 凭证整理 record updates the numbers. */
interface Recorded { contentHash: string; word?: string; wordNo?: number; attachments?: number; maker?: string; reviewer?: string | null; reviewKind?: string | null }

export function checkPostedVouchers(book: Book): CheckFinding[] {
  const findings: CheckFinding[] = [];
  const recorded = new Map<number, Recorded>();
  const records = book.sqlite.prepare(`SELECT entity_id, action, after FROM audit_log WHERE action IN ('voucher.post', 'voucher.renumber') ORDER BY id`).iterate() as IterableIterator<{ entity_id: string; action: string; after: string }>;
  for (const r of records) {
    const after = JSON.parse(r.after) as Recorded;
    const id = Number(r.entity_id);
    recorded.set(id, r.action === 'voucher.post' ? after : { ...recorded.get(id), contentHash: after.contentHash, ...(after.wordNo !== undefined ? { wordNo: after.wordNo } : {}) });
  }
  for (const { id } of book.sqlite.prepare(`SELECT id FROM voucher WHERE status = 'posted' ORDER BY id`).all() as { id: number }[]) {
    const h = voucherHeader(book, id);
    const want = recorded.get(id);
    const label = `${h.period} ${voucherLabel(h.word, h.word_no ?? h.number)}`;
    if (!want) findings.push({ check: 'audit', message: `${label}: posted without an audit record` });
    else if (voucherContentHash(h, voucherLines(book, id)) !== want.contentHash) findings.push({ check: 'audit', message: `${label}: content differs from its audited posting` });
    else if (want.word !== undefined && !stampMatches(h, want)) findings.push({ check: 'audit', message: `${label}: 凭证字号, 附单据 or 制单/审核 differ from its audited posting` });
    recorded.delete(id);
  }
  for (const id of recorded.keys()) findings.push({ check: 'audit', message: `voucher ${id}: audited posting but no posted voucher` });
  return findings;
}
