/**
 * Saving a draft from the voucher screen: create it, or replace an existing draft's date,
 * memo and lines in place (its id stays, so the screen keeps pointing at it). Drafts pass
 * the same rules as posting, so a saved draft can always be posted while its period is open.
 * Runs inside the caller's transaction.
 */
import { UserError } from '../../../shared/errors';
import type { Book } from '../book/book';
import { writablePeriod } from './periods';
import { accountFacts, checkVoucher, type VoucherInput } from './voucher-rules';
import { createDraft, voucherHeader } from './vouchers';
import { checkAttachments, draftWord } from './voucher-settings';

export function saveDraft(book: Book, id: number | undefined, input: VoucherInput): number {
  if (id === undefined) {
    const created = createDraft(book, input);
    book.audit({ action: 'voucher.saveDraft', entity: 'voucher', entityId: created, after: { date: input.date, memo: input.memo ?? '', word: input.word ?? null, attachments: input.attachments ?? 0, lines: input.lines.length } });
    return created;
  }
  const h = voucherHeader(book, id);
  if (h.status !== 'draft') throw new UserError('ledger.postedImmutable');
  if (h.reviewed_by !== null) throw new UserError('vouchers.reviewedFrozen');
  writablePeriod(book, h.date);
  const period = writablePeriod(book, input.date);
  checkVoucher(input, accountFacts(book), { reversal: h.reverses_id !== null });
  const word = input.word === undefined ? h.word : draftWord(book, input);
  book.sqlite.prepare(`UPDATE voucher SET period = ?, date = ?, memo = ?, word = ?, attachments = ? WHERE id = ?`).run(period, input.date, input.memo ?? '', word, checkAttachments(input.attachments), id);
  book.sqlite.prepare(`DELETE FROM voucher_line WHERE voucher_id = ?`).run(id);
  const line = book.sqlite.prepare(
    `INSERT INTO voucher_line (voucher_id, line_no, period, posted, account_code, debit_fen, credit_fen, memo, customer_id, employee_id, department_id, category_id)
     VALUES (?, ?, ?, 0, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  input.lines.forEach((l, i) => {
    line.run(id, i + 1, period, l.account, l.debitFen ?? 0, l.creditFen ?? 0, l.memo ?? input.memo ?? '', l.customerId ?? null, l.employeeId ?? null, l.departmentId ?? null, l.categoryId ?? null);
  });
  book.audit({ action: 'voucher.saveDraft', entity: 'voucher', entityId: id, before: { date: h.date, memo: h.memo }, after: { date: input.date, memo: input.memo ?? '', lines: input.lines.length } });
  return id;
}
