/**
 * A claim line's deductible input VAT as posting books it (docs/domain.md: VAT on expense
 * claims), by the rules of invoices/vat.ts. The facts come from the line and, where it is
 * silent, from the invoice ledger (发票台账):
 * - the invoice type: the line's own 发票类型, else the 票种 of its invoice in the ledger;
 *   a line that states a tax but whose type is known from neither deducts nothing and
 *   says so (a 普通发票 states a tax too, and that tax is not deductible);
 * - a 专票's tax: the line's 税额, else the ledger invoice's;
 * - 航空: the fare split (票价 + 燃油附加费), which no line carries yet: says so;
 * - a ticket on an employee's own claim is taken to name that employee (the approver checks
 *   the passenger against the claimant, as they check the ticket itself).
 * 业务招待费 (by category code or by its account) and 餐饮 never deduct; a small-scale
 * taxpayer deducts nothing (its input tax is part of the cost).
 */
import type { Book } from '../book/book';
import { deductibleTax, invoiceKindOf, type InvoiceKind } from '../invoices/vat';
import { findInvoices } from '../invoices/record';
import { ledgerHasInvoices } from '../invoices/match';
import { vatSettings } from './settings';

export type VatNote = 'invoiceType' | 'statedTax' | 'fare' | 'passenger';

export interface VatLine {
  categoryCode: string;
  accountCode: string;
  invoiceType: string;
  invoiceNo: string | null;
  amountFen: number;
  /** The tax the line states (the 税额 column): for a 专票 its deductible tax. */
  statedTaxFen: number;
}

export interface LineVat {
  taxFen: number;
  note: VatNote | null;
}

/** The rule for the book as it is now (settings read once: posting judges a claim's lines together). */
export function inputTax(book: Book): (l: VatLine) => LineVat {
  const small = vatSettings(book).taxpayer === 'small';
  const entertainment = book.account('entertainmentExpense');
  // An empty ledger (most books before issue 18's import) costs no lookup per line.
  const withLedger = ledgerHasInvoices(book);
  return (l) => {
    if (small) return { taxFen: 0, note: null };
    const ledger = withLedger && l.invoiceNo ? findInvoices(book, l.invoiceNo).find((i) => !i.voided && i.totalFen === l.amountFen) : undefined;
    const typeText = l.invoiceType.trim() || ledger?.kind || '';
    const kind: InvoiceKind | null = typeText ? invoiceKindOf(typeText) : ledger?.special ? 'special' : null;
    const categoryCode = l.accountCode === entertainment ? 'ENTERTAIN' : l.categoryCode;
    if (kind === null) return { taxFen: 0, note: l.statedTaxFen > 0 && categoryCode !== 'ENTERTAIN' && categoryCode !== 'MEALS' ? 'invoiceType' : null };
    const statedTaxFen = l.statedTaxFen > 0 ? l.statedTaxFen : (ledger?.taxFen ?? null);
    const r = deductibleTax({ kind, categoryCode, amountFen: l.amountFen, statedTaxFen, namesEmployee: true });
    return r.ok ? { taxFen: r.taxFen, note: null } : { taxFen: 0, note: r.missing };
  };
}
