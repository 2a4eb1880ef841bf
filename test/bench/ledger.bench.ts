/**
 * Ledger reads on a 1,000,000-line book: the trial balance of one period against a bare
 * GROUP BY over the same index, and the keyset pages of the detail ledger.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runReport } from '../../electron/core/reports/index';
import { bigBook } from './gen-book';
import { timeIt, type BenchCase, type BenchSize } from './types';

const linesFor = (size: BenchSize) => (size === 'smoke' ? 4_000 : 1_000_000);

function withBook<T>(size: BenchSize, fn: (book: ReturnType<typeof bigBook>) => Promise<T>): Promise<T> {
  const dir = mkdtempSync(join(tmpdir(), 'cl-bench-'));
  const book = bigBook({ dir, lines: linesFor(size), customers: size === 'smoke' ? 50 : 10_000 });
  return fn(book).finally(() => {
    book.close();
    rmSync(dir, { recursive: true, force: true });
  });
}

export const cases: BenchCase[] = [
  {
    name: 'trial balance, one period, 1,000,000 lines',
    target: '≤ 2× GROUP BY, < 200 ms',
    maxMs: 200,
    maxRatio: 2,
    run: (size) =>
      withBook(size, async (book) => {
        const params = { from: '2026-06', to: '2026-06', filters: {}, locale: 'zh-CN' as const };
        const ms = await timeIt(() => runReport(book, 'trial-balance', params), 7);
        const baseline = book.sqlite.prepare(
          `SELECT account_code, SUM(debit_fen), SUM(credit_fen) FROM voucher_line WHERE posted = 1 AND period = ? GROUP BY account_code`,
        );
        const baselineMs = await timeIt(() => baseline.all('2026-06'), 7);
        return { ms, baselineMs, note: `${linesFor(size).toLocaleString('en-US')} lines` };
      }),
  },
];
