/**
 * A single invoice file (数电票 XML) into the invoice ledger: one import batch with one row,
 * counted like a workbook's (read = accepted + duplicates), in one transaction.
 */
import { closeSync, openSync, readFileSync, readSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import { createHash } from 'node:crypto';
import type { ImportSummary } from '../../../shared/contract/import';
import { UserError } from '../../../shared/errors';
import type { Book } from '../book/book';
import { insertInvoice, invoiceExists, invoiceLedgerKey } from './record';
import { parseInvoiceXml } from './xml';

/** An XML document rather than a workbook (a zip): by its first bytes, whatever its name. */
export function isXmlFile(path: string): boolean {
  let fd: number | null = null;
  try {
    fd = openSync(path, 'r');
    const buf = Buffer.alloc(256);
    const n = readSync(fd, buf, 0, buf.length, 0);
    return buf.subarray(0, n).toString('utf8').replace(/^\uFEFF/, '').trimStart().startsWith('<');
  } catch {
    return false;
  } finally {
    if (fd !== null) closeSync(fd);
  }
}

/** XML invoices are a few kilobytes; a big one is not an invoice. */
const MAX_BYTES = 2 * 1024 * 1024;

export function importInvoiceXml(book: Book, path: string, fileName = basename(path)): ImportSummary {
  if (statSync(path).size > MAX_BYTES) throw new UserError('invoices.notEInvoiceXml');
  const bytes = readFileSync(path);
  const record = parseInvoiceXml(bytes.toString('utf8'));
  const hash = createHash('sha256').update(bytes).digest('hex');
  const key = invoiceLedgerKey(record.number, record.code);
  return book.tx(() => {
    const s = book.sqlite;
    const now = new Date().toISOString();
    const batchId = Number(s.prepare(`INSERT INTO import_batch (kind, mode, file_name, file_hash, created_at, created_by) VALUES ('invoices', '', ?, ?, ?, ?)`).run(fileName, hash, now, book.user).lastInsertRowid);
    const duplicate = invoiceExists(book, key);
    if (!duplicate) insertInvoice(book, record, batchId);
    const sheet = { name: fileName, headerRow: 0, rowsRead: 1, accepted: duplicate ? 0 : 1, rejected: 0, duplicates: duplicate ? 1 : 0, skipped: 0 };
    s.prepare(`UPDATE import_batch SET sheets = ?, rows_read = 1, accepted = ?, rejected = 0, duplicates = ?, skipped = 0, total_fen = ?, summary = ? WHERE id = ?`).run(
      JSON.stringify([sheet]),
      sheet.accepted,
      sheet.duplicates,
      duplicate ? 0 : record.totalFen,
      JSON.stringify({ invoice: key }),
      batchId,
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
