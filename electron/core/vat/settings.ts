/**
 * The book's VAT settings (docs/domain.md: VAT): 一般纳税人 (general: deducts input tax, books
 * 销项税额 on revenue at the customer's or the book's rate) or 小规模纳税人 (small: deducts
 * nothing, books its levy at 3% or 1% on revenue). Kept in book_meta (row-logged); a book
 * that never set them is a general taxpayer at 6% (现代服务 services), small rate 3%.
 * Rates are whole percent: every statutory rate (13, 9, 6, 5, 3, 1, 0) is one.
 */
import { UserError } from '../../../shared/errors';
import type { Book } from '../book/book';

export type Taxpayer = 'general' | 'small';

export interface VatSettings {
  taxpayer: Taxpayer;
  /** General taxpayer: 销项 rate for revenue without a customer or row rate. */
  outputRatePct: number;
  /** Small-scale taxpayer: 征收率. */
  smallRatePct: number;
}

export const OUTPUT_RATES = [0, 1, 3, 5, 6, 9, 13] as const;
export const SMALL_RATES = [1, 3] as const;

const intMeta = (book: Book, key: string, fallback: number): number => {
  const v = book.meta(key);
  return v === undefined || !/^\d+$/.test(v) ? fallback : Number(v);
};

export function vatSettings(book: Book): VatSettings {
  return {
    taxpayer: book.meta('taxpayer') === 'small' ? 'small' : 'general',
    outputRatePct: intMeta(book, 'vat_rate', 6),
    smallRatePct: intMeta(book, 'vat_small_rate', 3),
  };
}

/** Sets what the patch names, inside the caller's transaction, audited. */
export function setVatSettings(book: Book, patch: Partial<VatSettings>): VatSettings {
  const before = vatSettings(book);
  const after = { ...before, ...patch };
  if (!(OUTPUT_RATES as readonly number[]).includes(after.outputRatePct)) throw new UserError('vat.badRate', { rate: after.outputRatePct });
  if (!(SMALL_RATES as readonly number[]).includes(after.smallRatePct)) throw new UserError('vat.badRate', { rate: after.smallRatePct });
  if (JSON.stringify(before) === JSON.stringify(after)) return before;
  const put = (key: string, value: string) =>
    book.db.run(
      book.q
        .insertInto('book_meta')
        .values({ key, value })
        .onConflict((oc) => oc.column('key').doUpdateSet((eb) => ({ value: eb.ref('excluded.value') }))),
    );
  put('taxpayer', after.taxpayer);
  put('vat_rate', String(after.outputRatePct));
  put('vat_small_rate', String(after.smallRatePct));
  book.audit({ action: 'book.set', entity: 'book_meta', entityId: 0, before: { ...before }, after: { ...after } });
  return after;
}
