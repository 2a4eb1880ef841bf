/** 制单 → 审核 → 记账 with 反审核, the book's review settings, 凭证字 numbering and 凭证整理, on real book files. */
import { describe, expect, it } from 'vitest';
import { testBook } from '../../../test/support/book';
import type { Book } from '../book/book';
import { checkBook } from '../book/check';
import { createUser } from '../users/users';
import { postDraft, bookVoucher, createDraft, reverseVoucher, voucherHeader } from './vouchers';
import { setVoucherSettings } from './voucher-settings';
import { findVoucherByNo, renumberPeriod, reviewVoucher, unreviewVoucher } from './workflow';
import { saveDraft } from './drafts';
import { journalPage } from './lines';
// book check with every registered check (posted vouchers against their audited posting among them).
import '../service/index';

const lines = (fen: number) => [{ account: '1002', debitFen: fen }, { account: '3001', creditFen: fen }];
const as = <T>(book: Book, user: string, fn: () => T): T => {
  const was = book.user;
  book.user = user;
  try {
    return book.tx(fn);
  } finally {
    book.user = was;
  }
};
const code = (fn: () => unknown): string => {
  try {
    fn();
  } catch (e) {
    return (e as { code?: string }).code ?? (e as Error).message;
  }
  return 'no error';
};

describe('voucher workflow', () => {
  it('needs a review by another user before posting, and 反审核 only before posting', () => {
    const book = testBook();
    const id = as(book, 'accountant', () => createDraft(book, { date: '2026-03-05', memo: '投资', attachments: 2, lines: lines(500) }));
    expect(voucherHeader(book, id)).toMatchObject({ word: '记', attachments: 2, created_by: 'accountant', reviewed_by: null });
    expect(code(() => book.tx(() => postDraft(book, id)))).toBe('vouchers.notReviewed');
    expect(code(() => as(book, 'accountant', () => reviewVoucher(book, id)))).toBe('vouchers.selfReview');
    as(book, 'admin', () => reviewVoucher(book, id));
    expect(voucherHeader(book, id)).toMatchObject({ reviewed_by: 'admin', review_kind: 'other' });
    // Reviewed: frozen for the core and for the database alike.
    expect(code(() => book.tx(() => saveDraft(book, id, { date: '2026-03-06', lines: lines(600) })))).toBe('vouchers.reviewedFrozen');
    expect(() => book.sqlite.prepare(`UPDATE voucher_line SET debit_fen = 1 WHERE voucher_id = ? AND line_no = 1`).run(id)).toThrow(/frozen/);
    expect(() => book.sqlite.prepare(`UPDATE voucher SET memo = 'x' WHERE id = ?`).run(id)).toThrow(/frozen/);
    expect(() => book.sqlite.prepare(`DELETE FROM voucher WHERE id = ?`).run(id)).toThrow(/frozen/);
    as(book, 'admin', () => unreviewVoucher(book, id));
    book.tx(() => saveDraft(book, id, { date: '2026-03-06', memo: '改', attachments: 3, lines: lines(600) }));
    as(book, 'admin', () => reviewVoucher(book, id));
    const posted = as(book, 'accountant', () => postDraft(book, id));
    expect(posted).toMatchObject({ number: 1, period: '2026-03' });
    expect(voucherHeader(book, id)).toMatchObject({ status: 'posted', word_no: 1, reviewed_by: 'admin', attachments: 3 });
    expect(code(() => as(book, 'admin', () => unreviewVoucher(book, id)))).toBe('vouchers.postedNoUnreview');
    expect(() => book.sqlite.prepare(`UPDATE voucher SET reviewed_by = NULL, reviewed_at = NULL, review_kind = NULL WHERE id = ?`).run(id)).toThrow(/immutable/);
    const actions = book.sqlite.prepare(`SELECT action, user FROM audit_log WHERE entity = 'voucher' AND entity_id = ? ORDER BY id`).all(String(id));
    expect(actions).toEqual([
      { action: 'voucher.review', user: 'admin' },
      { action: 'voucher.unreview', user: 'admin' },
      { action: 'voucher.saveDraft', user: 'accountant' },
      { action: 'voucher.review', user: 'admin' },
      { action: 'voucher.post', user: 'accountant' },
    ]);
    expect(checkBook(book).ok).toBe(true);
  });

  it('lets a one-accountant book review its own vouchers, and says so in the audit trail', () => {
    const book = testBook();
    const id = book.tx(() => createDraft(book, { date: '2026-03-05', lines: lines(100) }));
    // The database refuses a self-review stamp while the book does not allow it, whoever writes it.
    expect(() => book.sqlite.prepare(`UPDATE voucher SET reviewed_by = 'accountant', reviewed_at = 'x', review_kind = 'self' WHERE id = ?`).run(id)).toThrow(/review rules/);
    expect(() => book.sqlite.prepare(`UPDATE voucher SET reviewed_by = 'accountant', reviewed_at = 'x', review_kind = 'other' WHERE id = ?`).run(id)).toThrow(/review rules/);
    expect(() => book.sqlite.prepare(`UPDATE voucher SET status = 'posted', number = 1, word_no = 1 WHERE id = ?`).run(id)).toThrow(/reviewed before posting/);
    book.tx(() => setVoucherSettings(book, { selfReview: true }));
    book.tx(() => reviewVoucher(book, id));
    const audit = book.sqlite.prepare(`SELECT after FROM audit_log WHERE action = 'voucher.review'`).pluck().get() as string;
    expect(JSON.parse(audit)).toMatchObject({ reviewer: 'accountant', maker: 'accountant', kind: 'self', selfReview: true });
    book.tx(() => postDraft(book, id));
    expect(voucherHeader(book, id)).toMatchObject({ review_kind: 'self', status: 'posted' });
    // A role without review rights cannot review even where self-review is allowed.
    book.tx(() => createUser(book, { name: 'li', role: 'approver' }));
    const other = book.tx(() => createDraft(book, { date: '2026-03-06', lines: lines(100) }));
    expect(code(() => as(book, 'li', () => reviewVoucher(book, other)))).toBe('vouchers.noReviewRight');
    // Without 审核 required, a draft posts unreviewed.
    book.tx(() => setVoucherSettings(book, { reviewRequired: false }));
    book.tx(() => postDraft(book, other));
    expect(voucherHeader(book, other)).toMatchObject({ status: 'posted', reviewed_by: null });
    expect(checkBook(book).ok).toBe(true);
  });

  it('posts generated vouchers reviewed by the acting user, marked generated', () => {
    const book = testBook();
    const v = as(book, 'admin', () => bookVoucher(book, { date: '2026-03-05', memo: '摊销', lines: lines(100) }));
    expect(voucherHeader(book, v.id)).toMatchObject({ status: 'posted', reviewed_by: 'admin', review_kind: 'generated', created_by: 'admin' });
    const r = book.tx(() => reverseVoucher(book, v.id));
    expect(voucherHeader(book, r.id)).toMatchObject({ status: 'posted', review_kind: 'generated', reviewed_by: 'accountant', word_no: 2 });
    expect(checkBook(book).ok).toBe(true);
  });

  it('numbers each 凭证字 gaplessly per period, and picks 收/付/转 for generated vouchers by the cash rule', () => {
    const book = testBook();
    book.tx(() => setVoucherSettings(book, { wordSet: '收付转' }));
    const receipt = book.tx(() => bookVoucher(book, { date: '2026-03-01', lines: lines(100) }));
    const pay = book.tx(() => bookVoucher(book, { date: '2026-03-02', lines: [{ account: '2202', debitFen: 50 }, { account: '1002', creditFen: 50 }] }));
    const transfer = book.tx(() => bookVoucher(book, { date: '2026-03-03', lines: [{ account: '1221', debitFen: 50 }, { account: '2202', creditFen: 50 }] }));
    const receipt2 = book.tx(() => bookVoucher(book, { date: '2026-03-04', lines: lines(7) }));
    const stamp = (id: number) => ((h) => `${h.word}-${h.word_no} #${h.number}`)(voucherHeader(book, id));
    expect([receipt, pay, transfer, receipt2].map((v) => stamp(v.id))).toEqual(['收-1 #1', '付-1 #2', '转-1 #3', '收-2 #4']);
    expect(code(() => book.tx(() => createDraft(book, { date: '2026-03-05', word: '记', lines: lines(1) })))).toBe('vouchers.wordNotUsed');
    expect(findVoucherByNo(book, '2026-03', '收-0002')).toBe(receipt2.id);
    expect(findVoucherByNo(book, '2026-03', '付1')).toBe(pay.id);
    expect(code(() => findVoucherByNo(book, '2026-03', '记-0001'))).toBe('vouchers.noByNumber');
    expect(checkBook(book).ok).toBe(true);
  });

  it('凭证整理 renumbers an open period in date order, audited, and book check follows', () => {
    const book = testBook();
    const dates = ['2026-03-20', '2026-03-05', '2026-03-31', '2026-03-05', '2026-03-01'];
    const ids = dates.map((date, i) => book.tx(() => bookVoucher(book, { date, memo: `v${i}`, lines: lines(100 + i) })).id);
    book.tx(() => bookVoucher(book, { date: '2026-04-01', lines: lines(1) }));
    const r = book.tx(() => renumberPeriod(book, '2026-03'));
    expect(r).toEqual({ period: '2026-03', vouchers: 5, changed: 4 });
    const order = book.sqlite.prepare(`SELECT id FROM voucher WHERE period = '2026-03' ORDER BY number`).pluck().all();
    // Date order; the two of 03-05 keep their old order.
    expect(order).toEqual([ids[4], ids[1], ids[3], ids[0], ids[2]]);
    expect(book.sqlite.prepare(`SELECT number = word_no FROM voucher WHERE period = '2026-03'`).pluck().all()).toEqual([1, 1, 1, 1, 1]);
    const journal = journalPage(book, { from: '2026-03', to: '2026-03', limit: 100 });
    expect(journal.rows.filter((l) => l.lineNo === 1).map((l) => l.no)).toEqual(['记-0001', '记-0002', '记-0003', '记-0004', '记-0005']);
    expect(book.sqlite.prepare(`SELECT COUNT(*) FROM audit_log WHERE action = 'voucher.renumber'`).pluck().get()).toBe(4);
    expect(checkBook(book).ok).toBe(true);
    expect(book.tx(() => renumberPeriod(book, '2026-03')).changed).toBe(0);
    // Behind the app: the permit row and a number change are found by book check.
    book.sqlite.prepare(`INSERT INTO voucher_renumber VALUES ('2026-03')`).run();
    book.sqlite.prepare(`UPDATE voucher SET number = 99 WHERE id = ?`).run(ids[2]);
    book.sqlite.prepare(`DELETE FROM voucher_renumber`).run();
    expect(checkBook(book).findings.map((f) => f.message).join('\n')).toMatch(/content differs/);
  });

  it('refuses 凭证整理 of a closed period, in the core and in the database', () => {
    const book = testBook();
    const id = book.tx(() => bookVoucher(book, { date: '2026-01-05', lines: lines(5) })).id;
    book.tx(() => book.sqlite.prepare(`UPDATE period SET status = 'closed' WHERE period = '2026-01'`).run());
    expect(code(() => book.tx(() => renumberPeriod(book, '2026-01')))).toBe('vouchers.renumberClosed');
    expect(() => book.sqlite.prepare(`UPDATE voucher SET number = 2 WHERE id = ?`).run(id)).toThrow(/closed|immutable/);
    // A posted voucher's other columns stay immutable even with a permit.
    book.tx(() => book.sqlite.prepare(`UPDATE period SET status = 'open' WHERE period = '2026-01'`).run());
    book.sqlite.prepare(`INSERT INTO voucher_renumber VALUES ('2026-01')`).run();
    expect(() => book.sqlite.prepare(`UPDATE voucher SET memo = 'x' WHERE id = ?`).run(id)).toThrow(/immutable/);
    expect(() => book.sqlite.prepare(`UPDATE voucher SET attachments = 9 WHERE id = ?`).run(id)).toThrow(/immutable/);
  });

  it('finds a stamp changed behind the app (附单据, reviewer) by the audited posting', () => {
    const book = testBook();
    const id = book.tx(() => bookVoucher(book, { date: '2026-03-05', attachments: 4, lines: lines(5) })).id;
    expect(checkBook(book).ok).toBe(true);
    book.sqlite.exec(`DROP TRIGGER tr_voucher_posted_upd; DROP TRIGGER tr_voucher_review_stamp`);
    book.sqlite.prepare(`UPDATE voucher SET attachments = 1 WHERE id = ?`).run(id);
    expect(checkBook(book).findings.map((f) => f.message).join('\n')).toMatch(/附单据/);
  });
});
