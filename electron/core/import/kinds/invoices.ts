/**
 * The 电子税务局 received-invoice export (全量发票查询 → 导出) into the invoice ledger: one
 * invoice per row, stored once by its number (invoices/record.ts). An invoice already in
 * the ledger, or twice in the file, is a duplicate; nothing else is lost.
 */
import type { Book } from '../../book/book';
import { insertInvoice, invoiceExists, invoiceLedgerKey, isSpecialKind, isVoided, type InvoiceRecord } from '../../invoices/record';
import type { Candidate, CommitCtx, KindHandler, RowParse, RowView } from '../kind';
import { cellText, isBlank, parseAmountValue, parseDateValue, type Plain } from '../values';

/** 开票日期 as the export writes it: a date cell, or text with the time (2026-11-12 09:00:00). */
function issueDate(v: Plain): { ok: true; date: string | null } | { ok: false } {
  if (isBlank(v)) return { ok: true, date: null };
  const text = typeof v === 'string' ? v.trim().replace(/[ T]\d{1,2}:\d{2}(:\d{2})?$/, '') : v;
  const d = parseDateValue(text);
  return d.ok ? { ok: true, date: d.date } : { ok: false };
}

function money(v: Plain): number | null | 'bad' {
  if (isBlank(v)) return null;
  const a = parseAmountValue(v);
  return a.ok ? a.fen : 'bad';
}

export function parseInvoiceRow(row: RowView): RowParse<InvoiceRecord> {
  const eNumber = cellText(row.get('eNumber')).normalize('NFKC').replace(/\s+/g, '');
  const number = eNumber || cellText(row.get('number')).normalize('NFKC').replace(/\s+/g, '');
  if (!number) return { ok: false, code: 'import.reject.invoice.noNumber' };
  const total = money(row.get('total'));
  const amount = money(row.get('amount'));
  const tax = money(row.get('tax'));
  if (total === 'bad' || amount === 'bad' || tax === 'bad') return { ok: false, code: 'import.reject.amount.invalid' };
  if (total === null && (amount === null || tax === null)) return { ok: false, code: 'import.reject.amount.missing' };
  const totalFen = total ?? (amount as number) + (tax as number);
  const taxFen = tax ?? (amount === null ? 0 : totalFen - amount);
  const date = issueDate(row.get('date'));
  if (!date.ok) return { ok: false, code: 'import.reject.date.invalid' };
  const kind = cellText(row.get('kind'));
  const status = cellText(row.get('status'));
  return {
    ok: true,
    value: {
      number,
      code: eNumber ? '' : cellText(row.get('code')),
      sellerTaxId: cellText(row.get('sellerTaxId')),
      sellerName: cellText(row.get('sellerName')),
      buyerTaxId: cellText(row.get('buyerTaxId')),
      buyerName: cellText(row.get('buyerName')),
      issueDate: date.date,
      amountFen: amount ?? totalFen - taxFen,
      taxFen,
      totalFen,
      kind,
      status,
      special: isSpecialKind(kind),
      voided: isVoided(status, cellText(row.get('positive')), totalFen),
      source: cellText(row.get('source')) || '全量发票查询',
    },
  };
}

/** Writes new invoices; shared with single XML/PDF invoices (invoices/files.ts). */
export function commitInvoices(book: Book, items: Candidate<InvoiceRecord>[], ctx: CommitCtx): void {
  for (const c of items) {
    const key = invoiceLedgerKey(c.value.number, c.value.code);
    const fp = `invoice:${key}`;
    if (ctx.seen(fp) || invoiceExists(book, key)) {
      ctx.duplicate(c);
      continue;
    }
    insertInvoice(book, c.value, ctx.batchId);
    ctx.remember(c, fp, null, false);
    ctx.accept(c, c.value.totalFen);
  }
}

export function invoicesKind(book: Book): KindHandler<InvoiceRecord> {
  return { keepCells: false, parse: parseInvoiceRow, commit: (items, ctx) => commitInvoices(book, items, ctx) };
}
