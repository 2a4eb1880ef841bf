/**
 * VAT on sales (docs/domain.md: VAT on revenue). Revenue is received or billed as 价税合计:
 * the tax is 价税合计 × rate ÷ (100 + rate), half up to the fen (invoices/vat.ts taxIncluded,
 * the one rounding rule for tax), and the revenue is the rest, so the two always sum to the
 * receivable. A general taxpayer books it to 应交税费-应交增值税-销项税额 at the row's rate,
 * else the customer's contract rate, else the book's; a small-scale taxpayer books its levy
 * at its 征收率 to the same account (the chart keeps 应交税费 flat at the second level:
 * accounts/statutory.ts, so there is no separate 应交增值税 leaf for it).
 */
import type { Book } from '../book/book';
import { taxIncluded } from '../invoices/vat';
import { vatSettings } from './settings';

export function splitGross(grossFen: number, ratePct: number): { netFen: number; taxFen: number } {
  const taxFen = taxIncluded(grossFen, ratePct);
  return { netFen: grossFen - taxFen, taxFen };
}

/** The tax on a price without tax (a deferral's revenue): net × rate ÷ 100, half up to the fen. */
export function taxOnNet(netFen: number, ratePct: number): number {
  const sign = netFen < 0 ? -1 : 1;
  return sign * Math.floor((2 * Math.abs(netFen) * ratePct + 100) / 200);
}

/** The rate of a sale, per customer (cached: an import books thousands of rows). */
export function saleRates(book: Book): (customerId: number | null, rowRatePct?: number | null) => number {
  const s = vatSettings(book);
  const byCustomer = (id: number) => book.db.first(book.q.selectFrom('customer').select('vat_rate').where('id', '=', id))?.vat_rate ?? null;
  const cache = new Map<number, number | null>();
  return (customerId, rowRatePct) => {
    if (s.taxpayer === 'small') return s.smallRatePct;
    if (rowRatePct !== undefined && rowRatePct !== null) return rowRatePct;
    if (customerId === null) return s.outputRatePct;
    if (!cache.has(customerId)) cache.set(customerId, byCustomer(customerId));
    return cache.get(customerId) ?? s.outputRatePct;
  };
}

/**
 * Sale lines: Cr revenue (net, with the revenue's dimensions) and Cr 销项税额 (tax, no
 * dimensions: the tax account carries none); zero lines left out. A credit note (negative
 * gross) gives negative credits: the caller swaps the sides.
 */
export function saleCredits<D extends object>(book: Book, grossFen: number, ratePct: number, revenueAccount: string, dims: D, memo: string): ({ account: string; creditFen: number; memo: string } & Partial<D>)[] {
  const { netFen, taxFen } = splitGross(grossFen, ratePct);
  const lines: ({ account: string; creditFen: number; memo: string } & Partial<D>)[] = [{ account: revenueAccount, creditFen: netFen, memo, ...dims }];
  if (taxFen !== 0) lines.push({ account: book.account('outputVat'), creditFen: taxFen, memo: `${memo} 销项税额` } as { account: string; creditFen: number; memo: string } & Partial<D>);
  return lines;
}
