/**
 * Receipt files kept inside the book as BLOBs, so a backup carries them. One file at most
 * RECEIPT_LIMIT bytes (a phone photo or a PDF invoice is well under it); attaching to a
 * line marks that line as having a receipt.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { tmpdir } from 'node:os';
import { UserError } from '../../../shared/errors';
import type { ReceiptRow } from '../../../shared/contract/claims';
import type { Book } from '../book/book';
import { claimRecord } from './edit';
import { writeAtomicSync } from '../files/paths';
import { claimLinesHash } from './lines-hash';

export const RECEIPT_LIMIT = 10 * 1024 * 1024;

/** A file size for a message: one decimal in MB, whole KB below that. */
const size = (n: number): string => (n >= 1024 * 1024 ? `${Math.round((n * 10) / (1024 * 1024)) / 10} MB` : `${Math.ceil(n / 1024)} KB`);

export function attachReceipt(book: Book, claimId: number, lineNo: number | null, path: string): ReceiptRow {
  claimRecord(book, claimId);
  if (!existsSync(path)) throw new UserError('claims.fileNotFound', { path });
  const file = basename(path);
  const bytes = statSync(path).size;
  if (bytes > RECEIPT_LIMIT) throw new UserError('claims.receiptTooLarge', { file, size: size(bytes), limit: size(RECEIPT_LIMIT) });
  if (bytes === 0) throw new UserError('claims.receiptEmpty', { file });
  const data = readFileSync(path);
  const sha = createHash('sha256').update(data).digest('hex');
  const at = new Date().toISOString();
  const id = book.db.run(
    book.q.insertInto('claim_receipt').values({ claim_id: claimId, line_no: lineNo, file_name: file, size: bytes, sha256: sha, data, added_at: at, added_by: book.user }),
  ).lastInsertRowid;
  if (lineNo !== null) book.db.run(book.q.updateTable('claim_line').set({ receipt: 1 }).where('claim_id', '=', claimId).where('line_no', '=', lineNo));
  book.audit({ action: 'claim.attach', entity: 'claim', entityId: claimId, after: { receipt: id, file, size: bytes, sha256: sha, lineNo, linesHash: claimLinesHash(book, claimId) } });
  return { id, lineNo, fileName: file, size: bytes, addedAt: at, addedBy: book.user };
}

/** Writes a receipt out to a file (to open or download it); returns the path. */
export function exportReceipt(book: Book, receiptId: number, target?: string): string {
  const r = book.db.first(book.q.selectFrom('claim_receipt').select(['file_name', 'data']).where('id', '=', receiptId));
  if (!r) throw new UserError('claims.receiptNotFound', { id: receiptId });
  const out = target ?? join(tmpdir(), 'client-ledger-receipts', String(receiptId), r.file_name);
  mkdirSync(dirname(out), { recursive: true });
  writeAtomicSync(out, (tmp) => writeFileSync(tmp, r.data));
  return out;
}

export function detachReceipt(book: Book, receiptId: number): boolean {
  const r = book.db.first(book.q.selectFrom('claim_receipt').select(['claim_id', 'line_no', 'file_name']).where('id', '=', receiptId));
  if (!r) throw new UserError('claims.receiptNotFound', { id: receiptId });
  const c = claimRecord(book, r.claim_id);
  if (c.status !== 'draft') throw new UserError('claims.badStatus', { id: c.id, status: c.status, action: 'detach' });
  book.db.run(book.q.deleteFrom('claim_receipt').where('id', '=', receiptId));
  book.audit({ action: 'claim.detach', entity: 'claim', entityId: r.claim_id, before: { receipt: receiptId, file: r.file_name } });
  return true;
}
