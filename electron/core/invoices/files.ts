/**
 * A single invoice file (数电票 XML or PDF) into the invoice ledger: one import batch with
 * one row, counted like a workbook's (read = accepted + duplicates), in one transaction.
 * Which it is goes by the file's first bytes, whatever its name.
 */
import { closeSync, openSync, readFileSync, readSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import { createHash } from 'node:crypto';
import type { ImportSummary } from '../../../shared/contract/import';
import { UserError } from '../../../shared/errors';
import type { Book } from '../book/book';
import { insertInvoice, invoiceExists, invoiceLedgerKey } from './record';
import { isPdfBytes, parseInvoicePdf } from './pdf';
import type { InvoiceRecord } from './record';
import { parseInvoiceXml } from './xml';

export type InvoiceFileType = 'xml' | 'pdf';

/** An XML document or a PDF rather than a workbook (a zip): by its first bytes. */
export function invoiceFileType(path: string): InvoiceFileType | null {
  let fd: number | null = null;
  try {
    fd = openSync(path, 'r');
    const buf = Buffer.alloc(1024);
    const head = buf.subarray(0, readSync(fd, buf, 0, buf.length, 0));
    if (isPdfBytes(head)) return 'pdf';
    return head.toString('utf8').replace(/^\uFEFF/, '').trimStart().startsWith('<') ? 'xml' : null;
  } catch {
    return null;
  } finally {
    if (fd !== null) closeSync(fd);
  }
}

/** XML invoices are a few kilobytes, PDF ones well under a megabyte; a big file is not an invoice. */
const MAX_BYTES = { xml: 2 * 1024 * 1024, pdf: 10 * 1024 * 1024 };
const NOT_ONE = { xml: 'invoices.notEInvoiceXml', pdf: 'invoices.notEInvoicePdf' } as const;

/** The invoice a single file holds (read before any transaction begins: the PDF's text layer is read asynchronously). */
export async function readInvoiceFile(path: string, type: InvoiceFileType): Promise<{ record: InvoiceRecord; hash: string }> {
  if (statSync(path).size > MAX_BYTES[type]) throw new UserError(NOT_ONE[type]);
  const bytes = readFileSync(path);
  const record = type === 'pdf' ? await parseInvoicePdf(new Uint8Array(bytes)) : parseInvoiceXml(bytes.toString('utf8'));
  return { record, hash: createHash('sha256').update(bytes).digest('hex') };
}

export async function importInvoiceFile(book: Book, path: string, type: InvoiceFileType, fileName = basename(path)): Promise<ImportSummary> {
  const { record, hash } = await readInvoiceFile(path, type);
  const key = invoiceLedgerKey(record.number, record.code);
  return book.tx(() => {
    const now = new Date().toISOString();
    const batchId = book.db.run(book.q.insertInto('import_batch').values({ kind: 'invoices', mode: '', file_name: fileName, file_hash: hash, created_at: now, created_by: book.user })).lastInsertRowid;
    const duplicate = invoiceExists(book, key);
    if (!duplicate) insertInvoice(book, record, batchId);
    const sheet = { name: fileName, headerRow: 0, rowsRead: 1, accepted: duplicate ? 0 : 1, rejected: 0, duplicates: duplicate ? 1 : 0, skipped: 0 };
    book.db.run(
      book.q
        .updateTable('import_batch')
        .set({ sheets: JSON.stringify([sheet]), rows_read: 1, accepted: sheet.accepted, rejected: 0, duplicates: sheet.duplicates, skipped: 0, total_fen: duplicate ? 0 : record.totalFen, summary: JSON.stringify({ invoice: key }) })
        .where('id', '=', batchId),
    );
    book.audit({ action: 'import.run', entity: 'import_batch', entityId: batchId, after: { kind: 'invoices', file: fileName, hash, rowsRead: 1, accepted: sheet.accepted, duplicates: sheet.duplicates, invoice: key } });
    return {
      batchId,
      kind: 'invoices',
      rowsRead: 1,
      accepted: sheet.accepted,
      rejected: 0,
      duplicates: sheet.duplicates,
      skipped: 0,
      acceptedTotalFen: duplicate ? 0 : record.totalFen,
      byCategory: {},
      createdCustomers: 0,
      createdEmployees: 0,
      newMasters: { customers: [], employees: [] },
      sheets: [sheet],
      rejects: [], rejectValues: [],
      duplicateRows: duplicate ? [{ sheet: fileName, row: 1 }] : [],
      duplicateOf: duplicate ? [''] : [],
      policy: [],
      policyTotal: 0,
      sameFileBatchId: null,
      forms: [],
    };
  });
}
