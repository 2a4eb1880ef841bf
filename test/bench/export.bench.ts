/**
 * Excel export of a 100,000-row journal (issue 7): the whole path a user triggers — run
 * the journal report, stream it to .xlsx with title rows, styles, fitted widths and safe
 * cells — against a bare exceljs WorkbookWriter writing the same cells (same values,
 * shared strings, no styles, no widths) to the same kind of file.
 * Targets: < 5 s, < 300 MB peak RSS, ≤ 1.2× the bare writer (issue 19).
 */
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import ExcelJS from 'exceljs';
import { fenToYuanNumber } from '../../shared/money';
import type { ReportResult } from '../../shared/report';
import { writeReports } from '../../electron/core/excel/write-report';
import { exportReport } from '../../electron/core/reports/app';
import { runReport } from '../../electron/core/reports/index';
import { bigBook } from './gen-book';
import { median, type BenchCase, type BenchSize } from './types';

const rowsFor = (size: BenchSize) => (size === 'smoke' ? 2_000 : 100_000);
const RANGE = { from: '2026-01', to: '2026-12' };

/** The plainest streaming write of the same cells: what exceljs costs with nothing of ours around it. */
async function bareWrite(path: string, r: ReportResult): Promise<void> {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useSharedStrings: true, useStyles: false });
  for (const s of r.sections) {
    const ws = wb.addWorksheet(s.name);
    ws.addRow(s.columns.map((c) => c.label)).commit();
    for (const row of s.rows) ws.addRow(s.columns.map((c) => (c.kind === 'money' && typeof row[c.key] === 'number' ? fenToYuanNumber(row[c.key] as number) : row[c.key]))).commit();
    ws.commit();
  }
  await wb.commit();
}

function withJournal<T>(size: BenchSize, fn: (book: ReturnType<typeof bigBook>, dir: string) => Promise<T>): Promise<T> {
  const dir = mkdtempSync(join(tmpdir(), 'cl-bench-export-'));
  const book = bigBook({ dir, lines: rowsFor(size), customers: size === 'smoke' ? 50 : 2_000 });
  return fn(book, dir).finally(() => {
    book.close();
    rmSync(dir, { recursive: true, force: true });
  });
}

const mb = (p: string) => Math.round(statSync(p).size / 1024 / 102.4) / 10;
const runsFor = (size: BenchSize) => (size === 'smoke' ? 1 : 5);

/**
 * A full collection between runs, outside the timed part: the user exports once, so each
 * timed run should start from the heap one export leaves, not from three exports' garbage.
 */
function collectGarbage(): void {
  setFlagsFromString('--expose-gc');
  (runInNewContext('gc') as () => void)();
}

/** What the user waits for: run the journal report and stream it to .xlsx (reports.export). */
export function benchExportJournal(size: BenchSize): Promise<{ ms: number; note: string }> {
  return withJournal(size, async (book, dir) => {
    const path = join(dir, 'journal.xlsx');
    const times: number[] = [];
    const cpus: number[] = [];
    let rows = 0;
    for (let i = 0; i < runsFor(size); i++) {
      collectGarbage();
      const cpu = process.cpuUsage();
      const t = performance.now();
      rows = (await exportReport(book, 'zh-CN', { name: 'journal', ...RANGE, filters: {}, path })).rows;
      times.push(performance.now() - t);
      const d = process.cpuUsage(cpu);
      cpus.push((d.user + d.system) / 1000);
    }
    if (rows !== rowsFor(size)) throw new Error(`journal has ${rows} rows, expected ${rowsFor(size)}`);
    // Wall time is the target; CPU time says how much of it was the machine's other load.
    const note = `${rows.toLocaleString('en-US')} rows, ${mb(path)} MB file; report query + write, first run included; CPU ${Math.round(median(cpus))} ms, load average ${Math.round(loadavg()[0]! * 10) / 10}`;
    return { ms: median(times), note };
  });
}

/** Our writer (title rows, styles, widths, safe cells, progress) against the bare writer, on the same rows. */
export function benchWriterOverhead(size: BenchSize): Promise<{ ms: number; baselineMs: number; note: string }> {
  return withJournal(size, async (book, dir) => {
    const result = runReport(book, 'journal', { ...RANGE, filters: {}, locale: 'zh-CN' });
    const ours = join(dir, 'ours.xlsx');
    const bare = join(dir, 'bare.xlsx');
    // Interleaved, each after a full collection, so both see the same machine load and
    // neither pays for the other's garbage. Compared on CPU time (user + system, all
    // threads, so zlib's work counts too): on 2 cores shared by several engineers, wall
    // time swings ±50 % between identical runs; wall medians go in the note.
    const timed = async (fn: () => Promise<unknown>) => {
      collectGarbage();
      const cpu = process.cpuUsage();
      const t = performance.now();
      await fn();
      const d = process.cpuUsage(cpu);
      return { cpu: (d.user + d.system) / 1000, wall: performance.now() - t };
    };
    const mine: { cpu: number; wall: number }[] = [];
    const theirs: { cpu: number; wall: number }[] = [];
    await bareWrite(bare, result); // warm-up: exceljs's modules and JIT
    for (let i = 0; i < runsFor(size); i++) {
      mine.push(await timed(() => writeReports(ours, [result], { locale: 'zh-CN', onProgress: () => {} })));
      theirs.push(await timed(() => bareWrite(bare, result)));
    }
    const med = (xs: { cpu: number; wall: number }[], k: 'cpu' | 'wall') => median(xs.map((x) => x[k]));
    const note = `${result.sections[0]!.rows.length.toLocaleString('en-US')} rows; CPU ms; wall ms ours ${Math.round(med(mine, 'wall'))} vs bare ${Math.round(med(theirs, 'wall'))}; files ${mb(ours)} / ${mb(bare)} MB`;
    return { ms: med(mine, 'cpu'), baselineMs: med(theirs, 'cpu'), note };
  });
}

export const cases: BenchCase[] = [
  {
    name: 'export journal to xlsx, 100,000 rows',
    target: '< 5 s, < 300 MB',
    maxMs: 5_000,
    maxRssMb: 300,
    run: (size) => benchExportJournal(size),
  },
  {
    name: 'xlsx writer vs bare exceljs WorkbookWriter, 100,000 rows',
    target: '≤ 1.2× bare WorkbookWriter on the same cells',
    maxRatio: 1.2,
    run: (size) => benchWriterOverhead(size),
  },
];
