/** The reader thread hands over exactly what reading in this thread gives: sheets, rows, values, hash, errors. */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../../../test/support/temp';
import { writeXlsx, type CellInput } from '../../../test/support/xlsx';
import { BATCH_ROWS, streamWorkbookInThread } from './read-in-thread';
import { streamWorkbook, type SheetRow, type WorkbookStream } from './reader';

/** Several batches' worth of rows with every kind of value, a header-less sheet, and blank rows left out. */
async function workbook(): Promise<string> {
  const big: CellInput[][] = [['日期', '报销人', '金额', '摘要']];
  for (let i = 0; i < BATCH_ROWS * 2 + 37; i++) big.push(i % 97 === 5 ? [] : [new Date(Date.UTC(2026, 8, 1 + (i % 30))), `员工${i % 7}`, i % 3 ? i / 4 : `¥${i}`, { formula: 'LEN("x")', result: 1 }]);
  return writeXlsx([
    { name: '说明', rows: [['请按模板填写'], [null, '注意']] },
    { name: '明细', rows: big },
    { name: 'Tail', rows: [['a', 'b'], [1, 2]] },
  ]);
}

async function readAll(wb: WorkbookStream, leaveAfter?: { sheet: string; rows: number }) {
  const sheets: { name: string; rows: SheetRow[] }[] = [];
  for await (const ws of wb.sheets) {
    const rows: SheetRow[] = [];
    sheets.push({ name: ws.name, rows });
    for await (const r of ws.rows) {
      rows.push(r);
      if (leaveAfter?.sheet === ws.name && rows.length === leaveAfter.rows) break;
    }
  }
  return { sheets, hash: wb.hash() };
}

describe('reading in a reader thread', () => {
  it('gives the same sheets, rows, values and file hash as reading here', async () => {
    const file = await workbook();
    const here = await readAll(streamWorkbook(file));
    const there = await readAll(streamWorkbookInThread(file));
    expect(there.sheets.map((s) => [s.name, s.rows.length])).toEqual([
      ['说明', 2],
      ['明细', BATCH_ROWS * 2 + 37 + 1 - 11],
      ['Tail', 2],
    ]);
    expect(there).toEqual(here);
    expect(there.sheets[1]!.rows[1]!.cells[1]).toBeInstanceOf(Date);
    expect(there.hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('a sheet left halfway stops arriving; the next sheet and the hash still do', async () => {
    const file = await workbook();
    const all = await readAll(streamWorkbook(file));
    const left = await readAll(streamWorkbookInThread(file), { sheet: '明细', rows: 3 });
    expect(left.sheets.map((s) => s.rows.length)).toEqual([2, 3, 2]);
    expect(left.sheets[2]).toEqual(all.sheets[2]);
    expect(left.hash).toBe(all.hash);
  });

  it('a broken file fails typed, from the thread', async () => {
    const path = join(tempDir(), 'bad.xlsx');
    writeFileSync(path, Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(4000, 7)]));
    await expect(readAll(streamWorkbookInThread(path))).rejects.toMatchObject({ code: expect.stringMatching(/^(import|limits)\./) });
  });
});
