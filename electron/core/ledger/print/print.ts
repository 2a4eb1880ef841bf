/**
 * `vouchers.print`: the selected vouchers (or every posted voucher of a period range) to a
 * PDF file. Runs in a job worker (jobs/registry.ts) on its own connection, so the window
 * keeps answering while a thousand vouchers are drawn; the CLI and tests call it directly.
 * Written beside the target and renamed at the end, like every export.
 */
import { writeFileSync } from 'node:fs';
import { writeAtomic } from '../../files/paths';
import { UserError } from '../../../../shared/errors';
import type { PrintResult } from '../../../../shared/contract/vouchers';
import type { Book } from '../../book/book';
import { defineJob } from '../../jobs/define';
import { printVouchers } from './data';
import { checkPrintParams, type PrintParams } from './params';
import { renderVouchersPdf } from './pdf';

const WRITE_ERRORS = new Set(['EACCES', 'EPERM', 'EBUSY', 'ENOENT', 'EISDIR', 'EROFS']);

export async function printToFile(book: Book, p: PrintParams): Promise<PrintResult> {
  checkPrintParams(p);
  const vouchers = printVouchers(book, p);
  const range = p.ids ? `${vouchers.length}` : p.from === p.to ? p.from! : `${p.from}–${p.to}`;
  const { bytes, pages } = await renderVouchersPdf(book.info().company, vouchers, p.layout, `记账凭证 ${range}`);
  try {
    await writeAtomic(p.path, (tmp) => writeFileSync(tmp, bytes));
  } catch (e) {
    // writeAtomic names disk full, read-only and a missing folder; the rest of a failed write is a failed print.
    const code = (e as NodeJS.ErrnoException).code;
    if (code && WRITE_ERRORS.has(code)) throw new UserError('vouchers.printFailed', { path: p.path, detail: code });
    throw e;
  }
  return { path: p.path, vouchers: vouchers.length, pages, bytes: bytes.length };
}

export const printVouchersJob = defineJob<PrintParams, PrintResult>(({ book, payload }) => printToFile(book, payload));
