/** The claim editor's line model: what the user typed (amounts as text) ⇄ the core's lines (fen). */
import type { ClaimDetail } from '../../../../shared/contract/claims';
import { formatFen, parseAmount } from '../../../../shared/money';
import { todayLocal } from '../../../../shared/today';

export interface DraftLine {
  date: string;
  categoryId: number | null;
  customerId: number | null;
  customerLabel: string;
  description: string;
  invoiceNo: string;
  amount: string;
  tax: string;
  receipt: boolean;
}

export const emptyLine = (date = todayLocal()): DraftLine => ({ date, categoryId: null, customerId: null, customerLabel: '', description: '', invoiceNo: '', amount: '', tax: '', receipt: false });

export function fromDetail(d: ClaimDetail): DraftLine[] {
  return d.lineRows.map((l) => ({
    date: l.date,
    categoryId: l.categoryId,
    customerId: l.customerId,
    customerLabel: l.customerName ?? '',
    description: l.description,
    invoiceNo: l.invoiceNo ?? '',
    amount: formatFen(l.amountFen, { grouping: false }),
    tax: l.taxFen ? formatFen(l.taxFen, { grouping: false }) : '',
    receipt: l.receipt,
  }));
}

export interface CoreLine {
  date: string;
  categoryId: number;
  customerId: number | null;
  description: string;
  invoiceNo: string | null;
  amountFen: number;
  taxFen: number;
  receipt: boolean;
}

/** Lines ready for the core, or the first problem as [line number, text]. Blank lines are dropped;
 * index maps each core line back to its row in the grid. */
export function toCore(lines: DraftLine[]): { ok: true; lines: CoreLine[]; index: number[] } | { ok: false; line: number; text: string; missingCategory?: boolean } {
  const out: CoreLine[] = [];
  const index: number[] = [];
  for (const [i, l] of lines.entries()) {
    if (!l.amount.trim() && l.categoryId === null && !l.description.trim()) continue;
    const amount = parseAmount(l.amount);
    if (!amount.ok) return { ok: false, line: i + 1, text: l.amount };
    const tax = l.tax.trim() ? parseAmount(l.tax) : ({ ok: true, fen: 0 } as const);
    if (!tax.ok) return { ok: false, line: i + 1, text: l.tax };
    if (l.categoryId === null) return { ok: false, line: i + 1, text: '', missingCategory: true };
    out.push({ date: l.date, categoryId: l.categoryId, customerId: l.customerId, description: l.description, invoiceNo: l.invoiceNo.trim() || null, amountFen: amount.fen, taxFen: tax.fen, receipt: l.receipt });
    index.push(i);
  }
  return { ok: true, lines: out, index };
}
