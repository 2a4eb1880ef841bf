/**
 * Every claim line's invoice number against the invoice ledger (issue 18):
 * - matched: in the ledger, valid, this company's, same 价税合计 as the line;
 * - missing: not in the ledger (invented, mistyped, or not yet downloaded from the bureau);
 * - voided: 作废 or 红冲 (or itself a red-letter invoice);
 * - reused: an earlier claim line already claims it (an invoice is claimed once);
 * - buyerDiffers: its buyer's 纳税人识别号 is not the book's;
 * - amountDiffers: its 价税合计 is not the line's amount.
 * The first that applies, in that order (a voided invoice is refused whatever else is true).
 */
import { formatFen } from '../../../shared/money';
import type { MessageCode } from '../../../shared/messages/index';
import type { Book } from '../book/book';
import { builder } from '../db/query';
import { precompiled } from '../db/precompiled';
import { findInvoices, type StoredInvoice } from './record';

export type MatchStatus = 'matched' | 'missing' | 'amountDiffers' | 'buyerDiffers' | 'voided' | 'reused';

export interface LineMatch {
  claimId: number;
  line: number;
  invoiceNo: string;
  status: MatchStatus;
  /** reused: the claim line that claimed the invoice first. */
  first?: { claimId: number; line: number };
  invoice?: StoredInvoice;
}

export const taxIdOf = (book: Book): string => (book.meta('tax_id') ?? '').normalize('NFKC').replace(/\s+/g, '').toUpperCase();

interface LineRef {
  id: number;
  claimId: number;
  line: number;
  invoiceNo: string;
  amountFen: number;
}

/** The earliest other claim line with this invoice number (by line id: the order they were written). */
function firstUse(book: Book, invoiceNo: string, lineId: number | null): { claimId: number; line: number } | undefined {
  return book.db.first(lineId === null ? firstUseAny(invoiceNo) : firstUseBefore(invoiceNo, lineId));
}

/* Compiled once (db/precompiled.ts), one per shape: the submit gate asks per claim line. */
const useQuery = (invoiceNo: string) => builder.selectFrom('claim_line').select(['claim_id as claimId', 'line_no as line']).where('invoice_no', '=', invoiceNo);
const firstUseAny = precompiled((invoiceNo: string) => useQuery(invoiceNo).orderBy('id').limit(1), 1);
const firstUseBefore = precompiled((invoiceNo: string, lineId: number) => useQuery(invoiceNo).where('id', '<', lineId).orderBy('id').limit(1), 2);
const ANY_INVOICE = builder.selectFrom('invoice').select('id').limit(1).compile();

/** One line (written, with its id; or about to be written: id null, then every line written before counts). */
export function matchLine(book: Book, ref: Omit<LineRef, 'id'> & { id: number | null }, taxId = taxIdOf(book)): LineMatch {
  const base = { claimId: ref.claimId, line: ref.line, invoiceNo: ref.invoiceNo };
  const found = findInvoices(book, ref.invoiceNo);
  const first = firstUse(book, ref.invoiceNo, ref.id);
  if (found.length === 0) return first ? { ...base, status: 'reused', first } : { ...base, status: 'missing' };
  // Older invoices share 发票号码 across 发票代码: the one of the line's amount, else the first.
  const inv = found.find((i) => i.totalFen === ref.amountFen) ?? found[0]!;
  const status: MatchStatus = inv.voided ? 'voided' : first ? 'reused' : taxId && inv.buyerTaxId && inv.buyerTaxId !== taxId ? 'buyerDiffers' : inv.totalFen !== ref.amountFen ? 'amountDiffers' : 'matched';
  return { ...base, status, invoice: inv, ...(status === 'reused' && first ? { first } : {}) };
}

/** Claim lines dated in from…to (YYYY-MM) that carry an invoice number, in claim and line order. */
export function matchPeriod(book: Book, from: string, to: string): LineMatch[] {
  const lines: LineRef[] = book.db.all(
    book.q
      .selectFrom('claim_line')
      .select(['id', 'claim_id as claimId', 'line_no as line', 'invoice_no as invoiceNo', 'amount_fen as amountFen'])
      .where('invoice_no', 'is not', null)
      .$narrowType<{ invoiceNo: string }>()
      .where('date', '>=', `${from}-01`)
      .where('date', '<', nextMonth(to))
      .orderBy('claim_id')
      .orderBy('line_no'),
  );
  const taxId = taxIdOf(book);
  return lines.map((l) => matchLine(book, l, taxId));
}

function nextMonth(p: string): string {
  const [y, m] = p.split('-').map(Number) as [number, number];
  return m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, '0')}-01`;
}

/** Why a line is not matched, for the import summary, the submit gate and the claims audit. */
export function matchMessage(m: LineMatch, amountFen: number): { code: MessageCode; params: Record<string, string | number> } | null {
  const invoice = m.invoiceNo;
  switch (m.status) {
    case 'matched':
      return null;
    case 'missing':
      return { code: 'invoices.status.missing', params: { invoice } };
    case 'voided':
      return { code: 'invoices.status.voided', params: { invoice, status: m.invoice?.status || '红字' } };
    case 'reused':
      return { code: 'invoices.status.reused', params: { invoice, claim: m.first?.claimId ?? 0, line: m.first?.line ?? 0 } };
    case 'buyerDiffers':
      return { code: 'invoices.status.buyerDiffers', params: { invoice, buyer: [m.invoice?.buyerName, m.invoice?.buyerTaxId].filter(Boolean).join(' ') } };
    case 'amountDiffers':
      return { code: 'invoices.status.amountDiffers', params: { invoice, total: formatFen(m.invoice?.totalFen ?? 0), amount: formatFen(amountFen) } };
  }
}

export const ledgerHasInvoices = (book: Book): boolean => book.db.first({ compile: () => ANY_INVOICE }) !== undefined;
