/**
 * Files that cannot be imported: each gets its own clear, typed message, the CLI exits 2
 * and the book file is byte-for-byte what it was.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { describe, expect, it, vi } from 'vitest';
import { importCommands } from '../../cli/commands/import';
import { LIMITS } from './limits';
import { openBook } from '../book/open';
import { runImport } from './run';
import { streamWorkbook } from './reader';
import { runCli } from '../../cli/run';
import { cliJson, freshBookEachTest } from '../../../test/support/cli';
import { writeXlsx } from '../../../test/support/xlsx';

const sha = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');

const cli = (args: string[]) => cliJson<{ error?: { code: string; message: string } }>(args, importCommands);

const ole = (...streams: string[]) => {
  const head = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
  return Buffer.concat([head, Buffer.alloc(504), ...streams.map((s) => Buffer.from(s, 'utf16le')), Buffer.alloc(1024)]);
};

const expenseRows = (n: number) => [['日期', '报销人', '费用类别', '金额'], ...Array.from({ length: n }, (_, i) => ['2026-10-01', `员工${i % 7}`, '差旅', 100 + i])];

/** Rewrites a workbook's parts, sheets first (exceljs then parks them in temp files until the rest is read). */
async function rebuild(path: string, out: string, mutate: (xml: string) => string = (x) => x): Promise<Buffer> {
  const src = await JSZip.loadAsync(readFileSync(path));
  const zip = new JSZip();
  const names = Object.keys(src.files).filter((f) => !src.files[f]!.dir);
  const sheets = names.filter((f) => /worksheets\/sheet\d+\.xml$/.test(f));
  // No folder entries: the sheet is the zip's first part.
  for (const f of sheets) zip.file(f, mutate(await src.file(f)!.async('string')), { createFolders: false });
  for (const f of names.filter((n) => !sheets.includes(n))) zip.file(f, await src.file(f)!.async('nodebuffer'), { createFolders: false });
  const bytes = await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
  writeFileSync(out, bytes);
  return bytes;
}

describe('broken files', () => {
  const at = freshBookEachTest();

  const cases: [string, string, () => Promise<string>][] = [
    ['an empty file', 'import.emptyFile', async () => (writeFileSync(join(at.dir, 'empty.xlsx'), ''), join(at.dir, 'empty.xlsx'))],
    ['an old .xls', 'import.oldXls', async () => (writeFileSync(join(at.dir, 'old.xls'), ole('Workbook', 'SummaryInformation')), join(at.dir, 'old.xls'))],
    ['a password-protected workbook', 'import.passwordProtected', async () => (writeFileSync(join(at.dir, 'locked.xlsx'), ole('EncryptionInfo', 'EncryptedPackage')), join(at.dir, 'locked.xlsx'))],
    ['a CSV renamed to .xlsx', 'import.csv', async () => (writeFileSync(join(at.dir, 'csv.xlsx'), '日期,报销人,费用类别,金额\n2026-10-01,张伟,差旅,100\n'), join(at.dir, 'csv.xlsx'))],
    ['random bytes', 'import.notXlsx', async () => (writeFileSync(join(at.dir, 'noise.xlsx'), Buffer.from([0, 1, 2, 3, 255, 254, 0, 9, 7])), join(at.dir, 'noise.xlsx'))],
    [
      'a truncated (corrupt) workbook',
      'import.corrupt',
      async () => {
        const good = await writeXlsx([{ name: 'S', rows: [['日期', '报销人', '费用类别', '金额'], ...Array.from({ length: 400 }, (_, i) => ['2026-10-01', `员工${i}`, '差旅', 100 + i])] }], 'good.xlsx', at.dir);
        const bytes = readFileSync(good);
        writeFileSync(join(at.dir, 'cut.xlsx'), bytes.subarray(0, Math.floor(bytes.length / 2)));
        return join(at.dir, 'cut.xlsx');
      },
    ],
    [
      // This one used to hang: the sheet's inflate fails while exceljs copies it to a temp file, and nothing passed the error on.
      'a sheet whose compressed data is damaged',
      'import.corrupt',
      async () => {
        const good = await writeXlsx([{ name: 'S', rows: expenseRows(2000) }], 'good.xlsx', at.dir);
        const bytes = await rebuild(good, join(at.dir, 'damaged.xlsx'));
        // The first part is the sheet: garble its deflate stream past the local header.
        const data = 30 + bytes.readUInt16LE(26) + bytes.readUInt16LE(28);
        for (let i = 0; i < 64; i++) bytes[data + 300 + i * 7]! ^= 0x5a;
        writeFileSync(join(at.dir, 'damaged.xlsx'), bytes);
        return join(at.dir, 'damaged.xlsx');
      },
    ],
    [
      'a sheet with a closing tag that does not match',
      'import.corrupt',
      async () => {
        const good = await writeXlsx([{ name: 'S', rows: expenseRows(20) }], 'good.xlsx', at.dir);
        await rebuild(good, join(at.dir, 'tags.xlsx'), (xml) => xml.replace(/<\/row>/g, '</rowx>'));
        return join(at.dir, 'tags.xlsx');
      },
    ],
    [
      "a sheet past Excel's 1,048,576 rows",
      'limits.tooManyRows',
      async () => {
        const good = await writeXlsx([{ name: 'S', rows: expenseRows(20) }], 'good.xlsx', at.dir);
        await rebuild(good, join(at.dir, 'rows.xlsx'), (xml) => xml.replace('</sheetData>', '<row r="1048577"><c r="A1048577"><v>1</v></c></row></sheetData>'));
        return join(at.dir, 'rows.xlsx');
      },
    ],
    ['a workbook without data', 'import.emptyWorkbook', async () => writeXlsx([{ name: 'Sheet1', rows: [] }], 'blank.xlsx', at.dir)],
    [
      'a workbook without a header row',
      'import.noHeader',
      async () => writeXlsx([{ name: 'Notes', rows: [['会议纪要'], ['客户经理下周拜访'], [1, 2, 3]] }], 'notes.xlsx', at.dir),
    ],
    [
      'a header without an amount column',
      'import.missingColumns',
      async () => writeXlsx([{ name: '明细', rows: [['日期', '报销人', '费用类别', '摘要'], ['2026-10-01', '张伟', '差旅', '拜访']] }], 'noamount.xlsx', at.dir),
    ],
  ];

  it.each(cases)('%s: a clear message, exit 2, the book unchanged', async (_name, code, make) => {
    const file = await make();
    const before = sha(at.book);
    const files = readdirSync(at.dir).sort();
    const r = await cli(['import', 'expenses', at.book, file]);
    expect(r.code).toBe(2);
    expect(r.json.error?.code).toBe(code);
    expect(r.json.error?.message.length).toBeGreaterThan(5);
    expect(sha(at.book)).toBe(before);
    expect(readdirSync(at.dir).sort()).toEqual(files);
  });

  it("refuses a row whose cell is longer than Excel's 32,767 characters and imports the others", async () => {
    const rows = expenseRows(5);
    rows[3]![1] = `员工${'长'.repeat(40_000)}`;
    const file = await writeXlsx([{ name: 'S', rows }], 'long.xlsx', at.dir);
    let out = '';
    const spy = vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
      out += String(chunk);
      return true;
    });
    try {
      expect(await runCli(['import', 'expenses', at.book, file, '--json'], importCommands, 'usage')).toBe(0);
    } finally {
      spy.mockRestore();
    }
    const r = JSON.parse(out) as { accepted: number; rejects: { row: number; reason: string }[] };
    expect(r.accepted).toBe(4);
    expect(r.rejects).toEqual([{ sheet: 'S', row: 4, reason: expect.stringContaining('32767') as unknown }]);
  });

  it('counts the bytes it inflates: a zip that understates its sizes is stopped at the limit all the same', async () => {
    const good = await writeXlsx([{ name: 'S', rows: expenseRows(20) }], 'good.xlsx', at.dir);
    const filler = Array.from({ length: 60_000 }, (_, i) => `<row r="${100 + i}"><c r="A${100 + i}"><v>${i}</v></c></row>`).join('');
    const bytes = await rebuild(good, join(at.dir, 'liar.xlsx'), (xml) => xml.replace('</sheetData>', `${filler}</sheetData>`));
    // The sheet (the first part) claims to inflate to 1 KB, in its local header and in the central directory.
    bytes.writeUInt32LE(1024, 22);
    const cd = bytes.readUInt32LE(bytes.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06])) + 16);
    bytes.writeUInt32LE(1024, cd + 24);
    writeFileSync(join(at.dir, 'liar.xlsx'), bytes);
    const max = LIMITS.uncompressedBytes;
    LIMITS.uncompressedBytes = 1024 * 1024;
    try {
      const before = sha(at.book);
      // In this thread, whose LIMITS the reader thread copies (the CLI imports in a job worker with the default limits).
      const book = openBook(at.book);
      try {
        await expect(runImport(book, { kind: 'expenses', path: join(at.dir, 'liar.xlsx') }, { locale: 'zh-CN' })).rejects.toMatchObject({ code: 'limits.inflatesTooMuch' });
      } finally {
        book.close();
      }
      expect(sha(at.book)).toBe(before);
    } finally {
      LIMITS.uncompressedBytes = max;
    }
  });

  it('refuses a read that stops making progress instead of hanging (the watchdog behind the error propagation)', async () => {
    const file = await writeXlsx([{ name: 'S', rows: expenseRows(5) }], 'stuck.xlsx', at.dir);
    // A reader that never yields nor fails: what a swallowed stream error used to look like.
    // Patched in this thread, so the stream is read here (an import reads in its reader
    // thread with the same streamWorkbook; errors from there are covered by the cases above).
    const proto = ExcelJS.stream.xlsx.WorkbookReader.prototype as unknown as Record<symbol, unknown>;
    const iterate = proto[Symbol.asyncIterator];
    proto[Symbol.asyncIterator] = async function* () {
      yield* [];
      await new Promise(() => undefined);
    };
    const stall = LIMITS.stallMs;
    LIMITS.stallMs = 1500;
    try {
      const started = Date.now();
      const read = async () => {
        for await (const ws of streamWorkbook(file).sheets) for await (const _ of ws.rows);
      };
      await expect(read()).rejects.toMatchObject({ code: 'import.corrupt' });
      expect(Date.now() - started).toBeLessThan(4500);
    } finally {
      LIMITS.stallMs = stall;
      proto[Symbol.asyncIterator] = iterate;
    }
  });

  it('says "save as .xlsx" for an old .xls, in both languages', async () => {
    writeFileSync(join(at.dir, 'old.xls'), ole('Workbook'));
    expect((await cli(['import', 'expenses', at.book, join(at.dir, 'old.xls')])).json.error?.message).toContain('.xlsx');
    expect((await cli(['import', 'expenses', at.book, join(at.dir, 'old.xls'), '--lang', 'en'])).json.error?.message).toMatch(/save as \.xlsx/i);
  });
});
