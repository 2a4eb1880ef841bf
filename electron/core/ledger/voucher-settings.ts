/**
 * The book's voucher settings (book_meta, so the row log audits every change):
 * - voucher_review_required '1' | '0' — 审核 before 记账 (default '1');
 * - voucher_self_review '1' | '0' — the maker may review their own voucher (default '0');
 * - voucher_words '记' | '收付转' | '记收付转' — the 凭证字 in use (default '记').
 * The database triggers of migration 0800 read the first two as well.
 */
import { UserError } from '../../../shared/errors';
import { WORD_SETS, type VoucherSettingsDto, type VoucherWord, type WordSet } from '../../../shared/contract/vouchers';
import type { Book } from '../book/book';
import { builder } from '../db/query';
import type { VoucherInput } from './voucher-rules';

/**
 * The three settings in one statement, compiled once: bookVoucher reads them per voucher
 * (draftWord), three book.meta calls each building a Kysely query (4 % of the demo's CPU).
 * Read each time, not cached: another connection (a job worker) may write book_meta.
 */
const SETTINGS = builder.selectFrom('book_meta').select(['key', 'value']).where('key', 'in', ['voucher_words', 'voucher_review_required', 'voucher_self_review']).compile();
const settingsQuery = { compile: () => SETTINGS };

export function voucherSettings(book: Book): VoucherSettingsDto {
  const meta = new Map(book.db.all(settingsQuery).map((r) => [r.key, r.value]));
  const stored = meta.get('voucher_words');
  const wordSet: WordSet = stored && stored in WORD_SETS ? (stored as WordSet) : '记';
  return {
    reviewRequired: (meta.get('voucher_review_required') ?? '1') === '1',
    selfReview: (meta.get('voucher_self_review') ?? '0') === '1',
    wordSet,
    words: [...WORD_SETS[wordSet]],
  };
}

/** Runs inside the caller's transaction; audited like every book setting. */
export function setVoucherSettings(book: Book, req: { reviewRequired?: boolean | undefined; selfReview?: boolean | undefined; wordSet?: WordSet | undefined }): VoucherSettingsDto {
  const before = voucherSettings(book);
  const put = (key: string, value: string) =>
    book.db.run(book.q.insertInto('book_meta').values({ key, value }).onConflict((oc) => oc.column('key').doUpdateSet({ value: (eb) => eb.ref('excluded.value') })));
  if (req.reviewRequired !== undefined) put('voucher_review_required', req.reviewRequired ? '1' : '0');
  if (req.selfReview !== undefined) put('voucher_self_review', req.selfReview ? '1' : '0');
  if (req.wordSet !== undefined) put('voucher_words', req.wordSet);
  const after = voucherSettings(book);
  book.audit({ action: 'vouchers.settings', entity: 'book', entityId: 'vouchers', before, after });
  return after;
}

/** Cash and bank accounts decide 收 / 付 (the classic rule: a debit to cash is a receipt, a credit a payment). */
const CASH = /^(1001|1002|1012)/;
/** The same accounts as a condition on a line's account_code, for lines written in SQL. */
export const CASH_SQL = `(account_code GLOB '1001*' OR account_code GLOB '1002*' OR account_code GLOB '1012*')`;

/** The 字 of a voucher made by the app (claims, schedules, allocation …) in a book without 记. */
export function autoWord(input: VoucherInput): VoucherWord {
  const cash = input.lines.filter((l) => CASH.test(l.account));
  if (cash.some((l) => (l.debitFen ?? 0) > 0)) return '收';
  if (cash.some((l) => (l.creditFen ?? 0) > 0 || (l.debitFen ?? 0) < 0)) return '付';
  return '转';
}

/** The 字 a new draft gets: the one asked for (if the book uses it), else 记 or the cash rule. */
export function draftWord(book: Book, input: VoucherInput): VoucherWord {
  const { words } = voucherSettings(book);
  if (input.word !== undefined) {
    if (!words.includes(input.word)) throw new UserError('vouchers.wordNotUsed', { word: input.word, words: words.join('/') });
    return input.word;
  }
  if (words.includes('记')) return '记';
  // A book of 收/付/转 only: the cash rule picks the 字 (the screen offers it too).
  return autoWord(input);
}

export function checkAttachments(n: number | undefined): number {
  if (n === undefined) return 0;
  if (!Number.isInteger(n) || n < 0 || n > 9999) throw new UserError('vouchers.badAttachments');
  return n;
}
