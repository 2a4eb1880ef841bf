/** Real .xlsx files for import tests, written with exceljs into a temp folder. */
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { tempDir } from './temp';

export type CellInput = string | number | Date | null | { formula: string; result: number | string };

export interface SheetInput {
  name: string;
  rows: CellInput[][];
  /** Row numbers (1-based) to leave out of the file entirely (Excel stores no blank rows). */
  merge?: string[];
}

/** Writes a workbook; returns its path. Rows start at row 1; `null` rows are blank. */
export async function writeXlsx(sheets: SheetInput[], name = 'book.xlsx', folder?: string): Promise<string> {
  const wb = new ExcelJS.Workbook();
  for (const s of sheets) {
    const ws = wb.addWorksheet(s.name);
    s.rows.forEach((r, i) => {
      if (r.length) ws.getRow(i + 1).values = r as ExcelJS.CellValue[];
    });
    for (const m of s.merge ?? []) ws.mergeCells(m);
  }
  const path = join(folder ?? tempDir('cl-xlsx-'), name);
  await wb.xlsx.writeFile(path);
  return path;
}
