/**
 * 制单 → 审核 → 记账 (docs/domain.md: Vouchers). A review is a stamp on a draft (reviewed_by,
 * reviewed_at, review_kind); 反审核 clears it; a reviewed draft is frozen until then (core
 * and migration 0800's triggers). Who may review: a book user with the accountant or admin
 * role, not the maker unless the book allows self-review — then the stamp says 'self' and
 * so does the audit trail.
 *
 * Vouchers the app generates (claim approval and payment, schedules, allocation reclass,
 * imports, reversals, and later 结转损益) go through bookVoucher, which posts them with the
 * stamp 'generated': reviewed by the user whose action generated them, at that moment. The
 * human review of such a voucher is the action itself (a claim's approval chain, a
 * schedule or allocation the accountant ran), so month-end is never held up by hundreds of
 * machine vouchers waiting for a click; the list and the print show them as 已审核 by that
 * user, marked 系统生成. See docs/vouchers.md.
 */
import { UserError } from '../../../shared/errors';
import type { RenumberResult } from '../../../shared/contract/vouchers';
import type { Book } from '../book/book';
import { findUser } from '../users/users';
import { periodStatus } from './periods';
import { voucherCitation, voucherContentHash, voucherHeader, voucherLabel, voucherLines } from './vouchers';
import { voucherSettings } from './voucher-settings';

const REVIEW_ROLES = new Set(['accountant', 'admin']);

export function reviewVoucher(book: Book, id: number): void {
  const h = voucherHeader(book, id);
  const label = `${h.period} ${h.word} #${id}`;
  if (h.status === 'posted') throw new UserError('vouchers.postedNoReview', { voucher: voucherCitation(h) });
  if (h.reviewed_by !== null) throw new UserError('vouchers.alreadyReviewed', { voucher: label });
  if (periodStatus(book, h.period) === 'closed') throw new UserError('ledger.periodClosed', { period: h.period });
  const user = findUser(book, book.user);
  if (!user || !REVIEW_ROLES.has(user.role)) throw new UserError('vouchers.noReviewRight', { user: book.user });
  const self = user.name.toLowerCase() === h.created_by.toLowerCase();
  if (self && !voucherSettings(book).selfReview) throw new UserError('vouchers.selfReview', { user: user.name });
  const kind = self ? 'self' : 'other';
  const at = new Date().toISOString();
  book.sqlite.prepare(`UPDATE voucher SET reviewed_by = ?, reviewed_at = ?, review_kind = ? WHERE id = ?`).run(user.name, at, kind, id);
  // The review covers what the voucher said when it was reviewed: the audit keeps that digest.
  book.audit({ action: 'voucher.review', entity: 'voucher', entityId: id, after: { reviewer: user.name, maker: h.created_by, kind, selfReview: self, contentHash: voucherContentHash(h, voucherLines(book, id)) } });
}

export function unreviewVoucher(book: Book, id: number): void {
  const h = voucherHeader(book, id);
  if (h.status === 'posted') throw new UserError('vouchers.postedNoUnreview', { voucher: voucherCitation(h) });
  if (h.reviewed_by === null) throw new UserError('vouchers.notReviewedYet', { voucher: `${h.period} ${h.word} #${id}` });
  if (periodStatus(book, h.period) === 'closed') throw new UserError('ledger.periodClosed', { period: h.period });
  const user = findUser(book, book.user);
  if (!user || !REVIEW_ROLES.has(user.role)) throw new UserError('vouchers.noReviewRight', { user: book.user });
  book.sqlite.prepare(`UPDATE voucher SET reviewed_by = NULL, reviewed_at = NULL, review_kind = NULL WHERE id = ?`).run(id);
  book.audit({ action: 'voucher.unreview', entity: 'voucher', entityId: id, before: { reviewer: h.reviewed_by, kind: h.review_kind } });
}

/** A posted voucher by 凭证字号 ("记-0003", "记3") within a period. */
export function findVoucherByNo(book: Book, period: string, no: string): number {
  const m = /^([记收付转])-?(\d+)$/.exec(no.trim());
  const row = m ? (book.sqlite.prepare(`SELECT id FROM voucher WHERE period = ? AND word = ? AND word_no = ?`).get(period, m[1], Number(m[2])) as { id: number } | undefined) : undefined;
  if (!row) throw new UserError('vouchers.noByNumber', { period, no });
  return row.id;
}

interface NumberRow { id: number; word: string; number: number; word_no: number }

/**
 * 凭证整理: renumbers the posted vouchers of an open period in date order (ties keep their
 * old order), both the period sequence and each 字's numbers, gapless from 1. Only a
 * number changes; each changed voucher gets an audit record with its new content digest,
 * which `book check` then expects (audit-check.ts). The permit row lets 0800's trigger
 * accept the number change inside this transaction only.
 */
export function renumberPeriod(book: Book, period: string): RenumberResult {
  if (periodStatus(book, period) === 'closed') throw new UserError('vouchers.renumberClosed', { period });
  const rows = book.sqlite
    .prepare(`SELECT id, word, number, word_no FROM voucher WHERE period = ? AND status = 'posted' ORDER BY date, number`)
    .all(period) as NumberRow[];
  const next = new Map<string, number>();
  const plan = rows.map((r, i) => {
    const wordNo = (next.get(r.word) ?? 0) + 1;
    next.set(r.word, wordNo);
    return { ...r, newNumber: i + 1, newWordNo: wordNo };
  });
  const changed = plan.filter((p) => p.newNumber !== p.number || p.newWordNo !== p.word_no);
  if (changed.length === 0) return { period, vouchers: rows.length, changed: 0 };
  const s = book.sqlite;
  s.prepare(`INSERT INTO voucher_renumber (period) VALUES (?)`).run(period);
  // Two steps through negative numbers: UNIQUE (period, number) is checked row by row.
  const set = s.prepare(`UPDATE voucher SET number = ?, word_no = ? WHERE id = ?`);
  for (const p of changed) set.run(-p.newNumber, -p.newWordNo, p.id);
  for (const p of changed) set.run(p.newNumber, p.newWordNo, p.id);
  s.prepare(`DELETE FROM voucher_renumber WHERE period = ?`).run(period);
  for (const p of changed) {
    const h = voucherHeader(book, p.id);
    book.audit({
      action: 'voucher.renumber',
      entity: 'voucher',
      entityId: p.id,
      before: { number: p.number, no: voucherLabel(p.word, p.word_no) },
      after: { number: p.newNumber, wordNo: p.newWordNo, no: voucherLabel(p.word, p.newWordNo), contentHash: voucherContentHash(h, voucherLines(book, p.id)) },
    });
  }
  book.audit({ action: 'vouchers.renumber', entity: 'period', entityId: period, after: { vouchers: rows.length, changed: changed.length } });
  return { period, vouchers: rows.length, changed: changed.length };
}
