/**
 * The reject report (.xlsx): per source sheet, each rejected row's number, the reason in
 * the UI language and its original values under the original header. Values are written
 * as inert text (safeCell: an imported "=cmd" stays text in the owner's Excel).
 */
import type { Locale } from '../../../shared/messages/index';
import type { Selectable } from 'kysely';
import type { Book } from '../book/book';
import type { ImportRejectTable } from '../db/schema/import';
import { safeCell, safeSheetName } from '../excel/safe-cell';
import type { Params } from './kind';
import { batchRecord } from './batches';
import { writeAtomic } from '../files/paths';
import { rejectMessage } from './run';

type RejectRecord = Omit<Selectable<ImportRejectTable>, 'id' | 'batch_id'>;

export async function writeRejectReport(book: Book, batchId: number, path: string, locale: Locale): Promise<{ path: string; rows: number }> {
  batchRecord(book, batchId);
  const rows: RejectRecord[] = book.db.all(book.q.selectFrom('import_reject').select(['sheet', 'row', 'code', 'params', 'header', 'cells']).where('batch_id', '=', batchId).orderBy('id'));
  // Loaded on first use: exceljs is ~0.6 s of CPU to load, paid by every engine start when imported at the top (issue 19).
  const { default: ExcelJS } = await import('exceljs');
  const wb = new ExcelJS.Workbook();
  wb.creator = 'client-ledger';
  const taken = new Set<string>();
  const bySheet = new Map<string, RejectRecord[]>();
  for (const r of rows) bySheet.set(r.sheet, [...(bySheet.get(r.sheet) ?? []), r]);
  const labels = locale === 'en' ? ['Row', 'Reason'] : ['行号', '原因'];
  if (bySheet.size === 0) wb.addWorksheet(locale === 'en' ? 'No rejected rows' : '无被拒行').addRow(labels);
  for (const [sheet, list] of bySheet) {
    const ws = wb.addWorksheet(safeSheetName(sheet, taken));
    const header = JSON.parse(list[0]!.header) as string[];
    ws.addRow([...labels, ...header].map(safeCell));
    ws.getRow(1).font = { bold: true };
    for (const r of list) {
      const reason = rejectMessage(locale, r.code, JSON.parse(r.params) as Params);
      ws.addRow([r.row, reason, ...(JSON.parse(r.cells) as string[])].map(safeCell));
    }
    ws.getColumn(2).width = 40;
    ws.views = [{ state: 'frozen', ySplit: 1 }];
  }
  await writeAtomic(path, (tmp) => wb.xlsx.writeFile(tmp));
  return { path, rows: rows.length };
}
