/**
 * 业务招待费 against its limit (60% of the spend, at most 5‰ of 营业收入, year to date) on
 * real books: a hand-built year (test/support/year.ts) with 招待费 added each month, and a
 * small book whose every figure is written out by hand below.
 */
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { testBook } from '../../../test/support/book';
import { tempDir } from '../../../test/support/temp';
import { buildYear } from '../../../test/support/year';
import { bookVoucher } from '../ledger/vouchers';
import { transferPl } from '../closing/transfer';
import { exportReport } from './export';
import { runReport } from './index';
import { capLevel, entertainmentLimit } from './entertainment-limit';

const half = (n: number, num: number, den: number) => Math.floor((2 * n * num + den) / (2 * den));

describe('业务招待费 deduction limit', () => {
  it('by month on a hand-built year: YTD spend and revenue, the limit, what is deductible and the 纳税调增', () => {
    const book = testBook({ firstPeriod: '2026-01' });
    const year = buildYear(book, 2026);
    const spend = year.months.map((_, i) => 3_000_00 + i * 1_500_35);
    book.tx(() =>
      spend.forEach((fen, i) =>
        bookVoucher(book, { date: `2026-${String(i + 1).padStart(2, '0')}-20`, memo: '招待', lines: [{ account: book.account('entertainmentExpense'), debitFen: fen }, { account: book.account('bank'), creditFen: fen }] }),
      ),
    );
    const rows = entertainmentLimit(book, '2026-01', '2026-12');
    let ytdS = 0;
    let ytdR = 0;
    expect(rows).toEqual(
      year.months.map((m, i) => {
        ytdS += spend[i]!;
        ytdR += m.revenueFen;
        const limit = Math.min(half(ytdS, 60, 100), half(ytdR, 5, 1000));
        return { period: m.period, spendFen: spend[i], ytdSpendFen: ytdS, revenueFen: m.revenueFen, ytdRevenueFen: ytdR, limitFen: limit, deductibleFen: limit, adjustmentFen: ytdS - limit };
      }),
    );
    // A range inside the year still counts from January; closing vouchers (结转损益) change nothing.
    book.tx(() => transferPl(book, '2026-06'));
    expect(entertainmentLimit(book, '2026-06', '2026-07')).toEqual(rows.slice(5, 7));
  });

  it('hand-computed fen: near the cap, then over it; the JSON rows, the warning level and the .xlsx', async () => {
    const book = testBook({ firstPeriod: '2026-01' });
    const post = (date: string, account: string, fen: number, other: string) =>
      book.tx(() => bookVoucher(book, { date, memo: 'x', lines: [{ account, debitFen: fen }, { account: other, creditFen: fen }] }));
    // January: 营业收入 1,000,000.00 (主营 900,000.00 + 其他 100,000.00), 招待费 8,000.00.
    book.tx(() => book.sqlite.prepare(`INSERT INTO customer (code, name, name_key) VALUES ('C1', '甲', '甲')`).run());
    book.tx(() => bookVoucher(book, { date: '2026-01-20', memo: '收入', lines: [{ account: '1122', debitFen: 900_000_00, customerId: 1 }, { account: '5001', creditFen: 900_000_00, customerId: 1 }] }));
    post('2026-01-21', '1002', 100_000_00, '5051');
    post('2026-01-22', '560205', 8_000_00, '1002');
    // February: no revenue, 招待费 1,000.00.
    post('2026-02-10', '560205', 1_000_00, '1002');
    const rows = entertainmentLimit(book, '2026-01', '2026-02');
    expect(rows).toEqual([
      // 60% × 8,000.00 = 4,800.00 < 5‰ × 1,000,000.00 = 5,000.00: 4,800.00 deductible, 3,200.00 added back.
      { period: '2026-01', spendFen: 8_000_00, ytdSpendFen: 8_000_00, revenueFen: 1_000_000_00, ytdRevenueFen: 1_000_000_00, limitFen: 4_800_00, deductibleFen: 4_800_00, adjustmentFen: 3_200_00 },
      // 60% × 9,000.00 = 5,400.00 > the cap 5,000.00: 5,000.00 deductible, 4,000.00 added back.
      { period: '2026-02', spendFen: 1_000_00, ytdSpendFen: 9_000_00, revenueFen: 0, ytdRevenueFen: 1_000_000_00, limitFen: 5_000_00, deductibleFen: 5_000_00, adjustmentFen: 4_000_00 },
    ]);
    // 4,800.00 is 96% of the cap: near; 5,400.00 is over it.
    expect([capLevel(rows[0]!), capLevel(rows[1]!)]).toEqual([{ capFen: 5_000_00, level: 'near' }, { capFen: 5_000_00, level: 'over' }]);
    const report = runReport(book, 'entertainment-limit', { from: '2026-02', to: '2026-02', filters: {}, locale: 'zh-CN' });
    expect(report.sections[0]!.rows).toEqual([rows[1]]);
    expect(report.sections[0]!.facts).toEqual({ capFen: 5_000_00, level: 'over' });
    const path = join(tempDir(), 'limit.xlsx');
    await exportReport(book, 'zh-CN', { name: 'entertainment-limit', from: '2026-01', to: '2026-02', filters: {}, path });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path);
    const cells = wb.worksheets[0]!.getSheetValues().flat().filter((v) => v !== undefined && v !== null);
    expect(cells).toEqual(expect.arrayContaining(['纳税调增', '2026-02', 4000, 5000]));
  });
  it('stays exact where 60% of the spend passes 2^53 fen in between (a double made it one fen more)', () => {
    const book = testBook({ firstPeriod: '2026-01' });
    const MAX = 999_999_999_999_999;
    const bank = book.account('bank');
    book.tx(() => {
      // 营业收入 1.2e18 fen (a double holds it exactly), so the 5‰ cap is far above 60% of the spend.
      for (let i = 0; i < 1250; i++) bookVoucher(book, { date: '2026-01-05', memo: '收入', lines: [{ account: bank, debitFen: 960_000_000_000_000 }, { account: book.account('otherRevenue'), creditFen: 960_000_000_000_000 }] });
      for (const fen of [...Array<number>(9).fill(MAX), 6]) bookVoucher(book, { date: '2026-01-20', memo: '招待', lines: [{ account: book.account('entertainmentExpense'), debitFen: fen }, { account: bank, creditFen: fen }] });
    });
    const [row] = entertainmentLimit(book, '2026-01', '2026-01');
    const spend = 9n * BigInt(MAX) + 6n;
    const sixty = (2n * spend * 60n + 100n) / 200n;
    expect(row).toMatchObject({ spendFen: Number(spend), ytdRevenueFen: 1_200_000_000_000_000_000, limitFen: Number(sixty), deductibleFen: Number(sixty), adjustmentFen: Number(spend - sixty) });
    expect(half(Number(spend), 60, 100)).not.toBe(Number(sixty)); // the old arithmetic, for the record
  });
});
