/**
 * unzipper ends its entry stream once the whole file is handed to it, not once it has parsed
 * it (reader.ts holdEndUntilDirectory). A workbook without shared strings has every sheet
 * parked in a temp file first; when that write is slow (a loaded machine) the entries after
 * the sheets were never read: the import failed as corrupt. Here the temp writes are slowed
 * on purpose, so the race is lost every time unless the end waits for the directory.
 */
import fs from 'node:fs';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import { afterEach, describe, expect, it } from 'vitest';
import { tempDir } from '../../../test/support/temp';
import { streamWorkbook } from './reader';

async function inlineStringsWorkbook(): Promise<string> {
  const path = join(tempDir(), 'inline.xlsx');
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useSharedStrings: false, useStyles: true });
  for (const name of ['一', '二', '三']) {
    const ws = wb.addWorksheet(name);
    ws.addRow(['日期', '金额']).commit();
    for (let i = 0; i < 50; i++) {
      const row = ws.addRow([new Date(Date.UTC(2026, 10, 1 + (i % 28))), i]);
      row.getCell(1).numFmt = 'yyyy-mm-dd';
      row.commit();
    }
    ws.commit();
  }
  await wb.commit();
  return path;
}

const realCreateWriteStream = fs.createWriteStream;
afterEach(() => {
  fs.createWriteStream = realCreateWriteStream;
});

describe('a workbook read while its temp files are slow to write', () => {
  it('still reads every sheet, with its name and its dates', async () => {
    const path = await inlineStringsWorkbook();
    // exceljs writes each parked sheet through fs.createWriteStream: every write waits 30 ms.
    fs.createWriteStream = ((p: fs.PathLike) => {
      const out = realCreateWriteStream(p);
      return new Writable({
        write(chunk, _enc, cb) {
          setTimeout(() => out.write(chunk, cb), 30);
        },
        final(cb) {
          out.end(cb);
        },
      });
    }) as unknown as typeof fs.createWriteStream;
    const read: [string, number, unknown][] = [];
    for await (const sheet of streamWorkbook(path).sheets) {
      let rows = 0;
      let first: unknown = null;
      for await (const r of sheet.rows) {
        if (r.number === 2) first = r.cells[1] instanceof Date ? r.cells[1].toISOString().slice(0, 10) : r.cells[1]; // eslint-disable-line no-restricted-syntax -- an exceljs Date cell of a UTC-midnight serial
        rows++;
      }
      read.push([sheet.name, rows, first]);
    }
    expect(read).toEqual([
      ['一', 51, '2026-11-01'],
      ['二', 51, '2026-11-01'],
      ['三', 51, '2026-11-01'],
    ]);
  });
});
