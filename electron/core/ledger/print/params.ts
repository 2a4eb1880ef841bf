/**
 * A print request and what is refused before any drawing. Its own file: the engine's
 * channel (ledger/vouchers-app.ts) checks a request before it starts the print job, and
 * must not load the PDF writer (print.ts, pdf.ts: pdfkit and fontkit) to do so.
 */
import { isAbsolute } from 'node:path';
import { UserError } from '../../../../shared/errors';
import type { Layout } from './pdf';

export interface PrintParams {
  ids?: number[] | undefined;
  from?: string | undefined;
  to?: string | undefined;
  layout: Layout;
  path: string;
}

/** What is refused before any drawing: the channel checks it before it starts the job, so a bad request fails at once. */
export function checkPrintParams(p: PrintParams): void {
  if (!isAbsolute(p.path)) throw new UserError('vouchers.printFailed', { path: p.path, detail: 'relative path' });
  if (/\.(book|sqlite|db)$/i.test(p.path)) throw new UserError('vouchers.printFailed', { path: p.path, detail: 'not a PDF file name' });
  if (p.from && p.to && p.from > p.to) throw new UserError('report.badRange', { from: p.from, to: p.to });
}

