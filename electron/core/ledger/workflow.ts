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
import type { RenumberResult, VoucherWord } from '../../../shared/contract/vouchers';
import type { Book } from '../book/book';
import { findUser } from '../users/users';
import { periodStatus } from './periods';
import { voucherCitation, voucherContentHash, voucherHeader, voucherLabel, voucherLines } from './vouchers';
import { voucherSettings } from './voucher-settings';
import { sql } from 'kysely';

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
  book.db.run(book.q.updateTable('voucher').set({ reviewed_by: user.name, reviewed_at: at, review_kind: kind }).where('id', '=', id));
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
  book.db.run(book.q.updateTable('voucher').set({ reviewed_by: null, reviewed_at: null, review_kind: null }).where('id', '=', id));
  book.audit({ action: 'voucher.unreview', entity: 'voucher', entityId: id, before: { reviewer: h.reviewed_by, kind: h.review_kind } });
}

/** A posted voucher by 凭证字号 ("记-0003", "记3") within a period. */
export function findVoucherByNo(book: Book, period: string, no: string): number {
  const m = /^([记收付转])-?(\d+)$/.exec(no.trim());
  const row = m ? book.db.first(book.q.selectFrom('voucher').select('id').where('period', '=', period).where('word', '=', m[1] as VoucherWord).where('word_no', '=', Number(m[2]))) : undefined;
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
  const rows = book.db.all(
    book.q.selectFrom('voucher').select(['id', 'word', 'number', 'word_no']).where('period', '=', period).where('status', '=', sql.lit('posted')).orderBy('date').orderBy('number'),
  ) as NumberRow[];
  const next = new Map<string, number>();
  const plan = rows.map((r, i) => {
    const wordNo = (next.get(r.word) ?? 0) + 1;
    next.set(r.word, wordNo);
    return { ...r, newNumber: i + 1, newWordNo: wordNo };
  });
  const changed = plan.filter((p) => p.newNumber !== p.number || p.newWordNo !== p.word_no);
  if (changed.length === 0) return { period, vouchers: rows.length, changed: 0 };
  book.db.run(book.q.insertInto('voucher_renumber').values({ period }));
  // Two steps through negative numbers: UNIQUE (period, number) is checked row by row.
  const set = (id: number, number: number, wordNo: number) => book.db.run(book.q.updateTable('voucher').set({ number, word_no: wordNo }).where('id', '=', id));
  for (const p of changed) set(p.id, -p.newNumber, -p.newWordNo);
  for (const p of changed) set(p.id, p.newNumber, p.newWordNo);
  book.db.run(book.q.deleteFrom('voucher_renumber').where('period', '=', period));
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
