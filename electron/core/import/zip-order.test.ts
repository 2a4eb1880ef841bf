/** Streaming a workbook's parts sheets-last: every byte once, the same rows and values, no temp file. */
import { createHash } from 'node:crypto';
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../../../test/support/temp';
import { zipDirectory } from './limits';
import { streamWorkbook, type SheetRow } from './reader';
import { plain } from './values';
import { rangesStream, sheetsLastOrder } from './zip-order';

/** Written as Excel and exceljs' streaming writer store it: the sheets first, shared strings and styles after. */
async function sheetsFirstWorkbook(): Promise<string> {
  const path = join(tempDir(), 'sheets-first.xlsx');
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useSharedStrings: true, useStyles: true });
  for (const name of ['明细', 'Tail']) {
    const ws = wb.addWorksheet(name);
    ws.addRow(['日期', '报销人', '金额', '摘要']).commit();
    for (let i = 0; i < 300; i++) {
      const row = ws.addRow([new Date(Date.UTC(2026, 8, 1 + (i % 30))), `员工${i % 7}`, i % 3 ? i / 4 : `¥${i}`, `${name} 拜访客户 #${i}`]);
      row.getCell(1).numFmt = 'yyyy-mm-dd';
      row.commit();
    }
    ws.commit();
  }
  await wb.commit();
  return path;
}

const partsInFileOrder = (path: string) => {
  const zip = zipDirectory(path, statSync(path).size)!;
  return [...zip.entries].sort((a, b) => a.offset - b.offset).map((e) => e.name);
};

async function bytesOf(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const c of stream) chunks.push(c as Buffer);
  return Buffer.concat(chunks);
}

describe('streaming a workbook sheets-last', () => {
  it('puts every other part before the sheets and streams every byte of the file once', async () => {
    const path = await sheetsFirstWorkbook();
    const names = partsInFileOrder(path);
    expect(names.indexOf('xl/worksheets/sheet1.xml')).toBeLessThan(names.indexOf('xl/sharedStrings.xml'));

    const size = statSync(path).size;
    const order = sheetsLastOrder(zipDirectory(path, size)!, size)!;
    const tiles = [...order].sort((a, b) => a[0] - b[0]);
    expect(tiles[0]![0]).toBe(0);
    for (let i = 1; i < tiles.length; i++) expect(tiles[i]![0]).toBe(tiles[i - 1]![1]);
    expect(tiles.at(-1)![1]).toBe(size);

    const bytes = await bytesOf(rangesStream(path, order, 4096));
    expect(bytes.length).toBe(size);
    const at = (part: string) => bytes.indexOf(Buffer.from(part));
    for (const part of ['xl/sharedStrings.xml', 'xl/styles.xml', 'xl/workbook.xml', 'xl/_rels/workbook.xml.rels']) {
      expect(at(part)).toBeLessThan(at('xl/worksheets/sheet1.xml'));
    }
    expect(at('xl/worksheets/sheet1.xml')).toBeLessThan(at('xl/worksheets/sheet2.xml'));
  });

  it('reads the same rows and values as exceljs reading the whole file, straight from the zip (no temp file)', async () => {
    const path = await sheetsFirstWorkbook();
    const whole = new ExcelJS.Workbook();
    await whole.xlsx.readFile(path);
    const stream = streamWorkbook(path);
    const seen: string[] = [];
    for await (const ws of stream.sheets) {
      seen.push(ws.name);
      const expected = whole.getWorksheet(ws.name)!;
      const rows: SheetRow[] = [];
      for await (const r of ws.rows) rows.push(r);
      expect(rows.length).toBe(expected.rowCount);
      for (const r of rows) {
        const want = Array.from(expected.getRow(r.number).values as unknown[], (v, i) => (i === 0 ? null : plain(v)));
        expect(r.cells).toEqual(want);
      }
      expect(rows[1]!.cells[1]).toEqual(new Date(Date.UTC(2026, 8, 1)));
      // A sheet parked in a temp file reports how far it was read back from it; one streamed from the zip cannot.
      expect(ws.fraction()).toBeNull();
    }
    expect(seen).toEqual(['明细', 'Tail']);
    expect(stream.hash()).toBe(createHash('sha256').update(readFileSync(path)).digest('hex'));
  });

  it('leaves a file alone that is already in order, or that has bytes before its first part', async () => {
    const path = await sheetsFirstWorkbook();
    const size = statSync(path).size;
    const zip = zipDirectory(path, size)!;

    // The same parts laid out sheets-last (as the reordered stream has them): nothing to do.
    const byOffset = [...zip.entries].sort((a, b) => a.offset - b.offset);
    const length = (i: number) => (i + 1 < byOffset.length ? byOffset[i + 1]!.offset : zip.directoryOffset) - byOffset[i]!.offset;
    const isSheet = (name: string) => /^xl\/worksheets\/sheet\d+\.xml$/.test(name);
    let at = 0;
    const laidOut = [...byOffset.map((e, i) => ({ e, n: length(i) }))]
      .sort((a, b) => Number(isSheet(a.e.name)) - Number(isSheet(b.e.name)))
      .map(({ e, n }) => ({ ...e, offset: (at += n) - n }));
    expect(at).toBe(zip.directoryOffset);
    expect(sheetsLastOrder({ entries: laidOut, directoryOffset: at }, size)).toBeNull();

    // A self-extracting stub (or any junk) before the first entry: offsets no longer start at 0.
    const prefixed = join(tempDir(), 'prefixed.xlsx');
    writeFileSync(prefixed, Buffer.concat([Buffer.alloc(64, 0x20), readFileSync(path)]));
    const shifted = { entries: zip.entries.map((e) => ({ ...e, offset: e.offset + 64 })), directoryOffset: zip.directoryOffset + 64 };
    expect(sheetsLastOrder(shifted, statSync(prefixed).size)).toBeNull();
  });
});
