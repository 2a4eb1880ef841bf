/**
 * `book check` for the ledger: every posted voucher must still say what its posting's
 * audit record says it said. An edit of voucher lines behind the app's back (triggers
 * dropped, rows changed with sqlite3) shows here.
 */
import type { Book } from '../book/book';
import type { CheckFinding } from '../book/check';
import { voucherContentHash, voucherHeader, voucherLines, voucherNo } from './vouchers';

export function checkPostedVouchers(book: Book): CheckFinding[] {
  const findings: CheckFinding[] = [];
  const recorded = new Map<number, string>();
  for (const r of book.sqlite.prepare(`SELECT entity_id, after FROM audit_log WHERE action = 'voucher.post'`).iterate() as IterableIterator<{ entity_id: string; after: string }>) {
    recorded.set(Number(r.entity_id), (JSON.parse(r.after) as { contentHash: string }).contentHash);
  }
  for (const { id } of book.sqlite.prepare(`SELECT id FROM voucher WHERE status = 'posted' ORDER BY id`).all() as { id: number }[]) {
    const h = voucherHeader(book, id);
    const want = recorded.get(id);
    const label = `${h.period} ${voucherNo(h.number)}`;
    if (!want) findings.push({ check: 'audit', message: `${label}: posted without an audit record` });
    else if (voucherContentHash(h, voucherLines(book, id)) !== want) findings.push({ check: 'audit', message: `${label}: content differs from its audited posting` });
    recorded.delete(id);
  }
  for (const id of recorded.keys()) findings.push({ check: 'audit', message: `voucher ${id}: audited posting but no posted voucher` });
  return findings;
}
