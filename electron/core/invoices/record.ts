/**
 * One received invoice as the ledger keeps it (发票台账), however it came in: a row of the
 * 电子税务局 export, a 数电票 XML file or a 数电票 PDF. Each invoice is stored once, keyed by its
 * number: the 20-digit 数电票号码, or 发票代码-发票号码 for the older invoices that have a code.
 */
import type { Book } from '../book/book';
import { builder, type Row } from '../db/query';
import { precompiled } from '../db/precompiled';

export interface InvoiceRecord {
  /** 数电票号码 (20 digits), else 发票号码. */
  number: string;
  /** 发票代码 of an older (non-数电) invoice, else ''. */
  code: string;
  sellerTaxId: string;
  sellerName: string;
  buyerTaxId: string;
  buyerName: string;
  issueDate: string | null;
  amountFen: number;
  taxFen: number;
  totalFen: number;
  /** 发票票种 as written (数电发票（增值税专用发票）, 电子发票（普通发票）, 电子客票 …). */
  kind: string;
  /** 发票状态 as written (正常, 已作废, 已红冲, 部分红冲 …). */
  status: string;
  /** A 增值税专用发票 (incl. 数电专票): its tax is deductible input VAT. */
  special: boolean;
  /** 作废, 红冲 (in whole or part), or itself a red-letter (negative) invoice: claims none. */
  voided: boolean;
  source: string;
}

const compact = (s: string) => s.normalize('NFKC').replace(/\s+/g, '').toUpperCase();

/** The ledger's key: the 20-digit number alone, or code-number for an older invoice. */
export function invoiceLedgerKey(number: string, code = ''): string {
  const n = compact(number);
  const c = compact(code);
  return /^\d{20}$/.test(n) || c === '' ? n : `${c}-${n}`;
}

export const isSpecialKind = (kind: string): boolean => /专用发票|专票/.test(kind);

/**
 * A 数电票's 票种 as the bureau's export writes it, 数电发票（增值税专用发票）, from the type the
 * file names: the XML's label (增值税专用发票, 普通发票, 铁路电子客票 …) or the PDF's title
 * 电子发票（…）, so an invoice reads the same whichever file it came from.
 */
export function einvoiceKind(type: string): string {
  const t = type.normalize('NFKC').replace(/\s+/g, '');
  const inner = /^(?:电子发票|数电发票|数电票|全电发票)\((.+)\)$/.exec(t)?.[1] ?? t;
  return inner ? `数电发票（${inner}）` : '数电发票';
}

/** 作废/红冲 in the status, 否 in 是否正数发票, or a negative total. */
export function isVoided(status: string, positive: string, totalFen: number): boolean {
  return /作废|红冲|红字/.test(status) || /^(否|N|NO|FALSE)$/i.test(compact(positive)) || totalFen < 0;
}

export interface StoredInvoice extends InvoiceRecord {
  id: number;
  key: string;
}

const selectInvoices = (book: Pick<Book, 'q'>) =>
  book.q
    .selectFrom('invoice')
    .select([
      'id',
      'invoice_key as key',
      'number',
      'code',
      'seller_tax_id as sellerTaxId',
      'seller_name as sellerName',
      'buyer_tax_id as buyerTaxId',
      'buyer_name as buyerName',
      'issue_date as issueDate',
      'amount_fen as amountFen',
      'tax_fen as taxFen',
      'total_fen as totalFen',
      'kind',
      'status',
      'special',
      'voided',
      'source',
    ]);

const fromRow = (r: Row<ReturnType<typeof selectInvoices>>): StoredInvoice => ({ ...r, special: r.special === 1, voided: r.voided === 1 });

/** Writes one invoice (the caller checked it is new); inside the caller's transaction. */
export function insertInvoice(book: Book, r: InvoiceRecord, batchId: number | null): number {
  return book.db.run(
    book.q.insertInto('invoice').values({
      invoice_key: invoiceLedgerKey(r.number, r.code),
      number: compact(r.number),
      code: compact(r.code),
      seller_tax_id: compact(r.sellerTaxId),
      seller_name: r.sellerName,
      buyer_tax_id: compact(r.buyerTaxId),
      buyer_name: r.buyerName,
      issue_date: r.issueDate,
      amount_fen: r.amountFen,
      tax_fen: r.taxFen,
      total_fen: r.totalFen,
      kind: r.kind,
      special: r.special ? 1 : 0,
      status: r.status,
      voided: r.voided ? 1 : 0,
      source: r.source,
      batch_id: batchId,
      created_at: new Date().toISOString(),
    }),
  ).lastInsertRowid;
}

export const invoiceExists = (book: Book, key: string): boolean => book.db.first(book.q.selectFrom('invoice').select('id').where('invoice_key', '=', key)) !== undefined;

/**
 * The ledger's invoices a claim line's invoice number can mean: by key (20 digits, or
 * code-number as typed), else by the bare 发票号码 of older invoices (a claim line rarely
 * carries the code).
 */
/* Compiled once (db/precompiled.ts): the submit gate looks up every claim line's invoice. */
const byKeyQuery = precompiled((key: string) => selectInvoices({ q: builder }).where('invoice_key', '=', key), 1);
const byNumberQuery = precompiled((n: string) => selectInvoices({ q: builder }).where('number', '=', n).orderBy('id'), 1);

export function findInvoices(book: Book, invoiceNo: string): StoredInvoice[] {
  const n = compact(invoiceNo);
  const byKey = book.db.all(byKeyQuery(n));
  if (byKey.length) return byKey.map(fromRow);
  return book.db.all(byNumberQuery(n)).map(fromRow);
}
