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
import { createDraft, lineRow, voucherHeader } from './vouchers';
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
  book.db.run(book.q.updateTable('voucher').set({ period, date: input.date, memo: input.memo ?? '', word, attachments: checkAttachments(input.attachments) }).where('id', '=', id));
  book.db.run(book.q.deleteFrom('voucher_line').where('voucher_id', '=', id));
  input.lines.forEach((l, i) => book.db.run(book.q.insertInto('voucher_line').values({ voucher_id: id, period, posted: 0, ...lineRow(input, l, i) })));
  book.audit({ action: 'voucher.saveDraft', entity: 'voucher', entityId: id, before: { date: h.date, memo: h.memo }, after: { date: input.date, memo: input.memo ?? '', lines: input.lines.length } });
  return id;
}
