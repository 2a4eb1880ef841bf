/**
 * 资产负债表 and 利润表 on a 1,000,000-line book: both statements for a month (the worst of
 * three months of the year), against a bare GROUP BY of the month's posted lines into
 * per-account totals, measured in the same run.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runReport } from '../../electron/core/reports/index';
import { bigBook } from './gen-book';
import { timeIt, type BenchCase } from './types';

const MONTHS = ['2026-01', '2026-06', '2026-12'];

export const cases: BenchCase[] = [
  {
    name: 'balance sheet + income statement, one month, 1,000,000 lines',
    target: '< 50 ms, ≤ 2× GROUP BY of the month’s lines',
    maxMs: 50,
    maxRatio: 2,
    run: async (size) => {
      const dir = mkdtempSync(join(tmpdir(), 'cl-bench-'));
      const lines = size === 'smoke' ? 4_000 : 1_000_000;
      const book = bigBook({ dir, lines, customers: size === 'smoke' ? 50 : 10_000 });
      try {
        let ms = 0;
        let baselineMs = 0;
        // The plain way to the month's per-account totals a statement is made of: a GROUP BY
        // over the month's posted lines (the trial balance's baseline too). Ours reads the
        // trigger-kept ledger_total instead; that table's own GROUP BY is in the note.
        const bare = book.sqlite.prepare(`SELECT account_code, SUM(debit_fen), SUM(credit_fen) FROM voucher_line WHERE posted = 1 AND period = ? GROUP BY account_code`);
        const totals = book.sqlite.prepare(`SELECT account_code, SUM(debit_fen), SUM(credit_fen) FROM ledger_total WHERE period <= ? GROUP BY account_code`);
        let totalsMs = 0;
        for (const month of MONTHS) {
          const params = { from: month, to: month, filters: {}, locale: 'zh-CN' as const };
          const ours = await timeIt(() => {
            runReport(book, 'balance-sheet', params);
            runReport(book, 'income-statement', params);
          }, 7);
          const base = await timeIt(() => bare.all(month), 7);
          totalsMs = Math.max(totalsMs, await timeIt(() => totals.all(month), 7));
          if (ours > ms) [ms, baselineMs] = [ours, base];
        }
        const note = `${lines.toLocaleString('en-US')} lines; worst of ${MONTHS.join(', ')}; GROUP BY over ledger_total ${Math.round(totalsMs * 100) / 100} ms`;
        return { ms, baselineMs, note };
      } finally {
        book.close();
        rmSync(dir, { recursive: true, force: true });
      }
    },
  },
];
