/**
 * 资产负债表 and 利润表 on a small book whose two months are worked out by hand below, line
 * by line: every line not listed must be zero. January is transferred to 本年利润 (the
 * transfer voucher must not move the income statement); February is not (未分配利润 then
 * carries February's profit so the sheet still balances).
 */
import { describe, expect, it } from 'vitest';
import { addCustomer, testBook } from '../../../test/support/book';
import type { Book } from '../book/book';
import { addSubAccount } from '../accounts/edit';
import { runReport } from '../reports/index';
import { bookVoucher } from '../ledger/vouchers';
import { transferPl } from '../closing/transfer';
import { balanceSheet, incomeStatement } from './compute';

function handYear(): Book {
  const book = testBook();
  const c = addCustomer(book, 'C01', '蓝海');
  const [s1, s2] = book.tx(() => [addSubAccount(book, { parent: '2202', name: '供应商甲' }).code, addSubAccount(book, { parent: '2202', name: '供应商乙' }).code]);
  const post = (date: string, lines: object[]) => book.tx(() => bookVoucher(book, { date, memo: 'm', lines: lines as never }));
  const cust = { customerId: c };
  // January
  post('2026-01-01', [{ account: '1002', debitFen: 50_000_000 }, { account: '3001', creditFen: 50_000_000 }]);
  post('2026-01-05', [{ account: '1601', debitFen: 12_000_000 }, { account: '1002', creditFen: 12_000_000 }]);
  post('2026-01-10', [{ account: '1405', debitFen: 9_500_000 }, { account: '222101', debitFen: 1_235_000 }, { account: s1, creditFen: 10_735_000 }]);
  post('2026-01-15', [{ account: '1122', debitFen: 11_300_000, ...cust }, { account: '5001', creditFen: 10_000_000, ...cust }, { account: '222102', creditFen: 1_300_000 }]);
  post('2026-01-15', [{ account: '5401', debitFen: 6_000_000 }, { account: '1405', creditFen: 6_000_000 }]);
  post('2026-01-20', [{ account: '1002', debitFen: 300_000 }, { account: '2203', creditFen: 300_000 }]);
  // Paid a supplier ahead: a debit balance inside 应付账款 shows as 预付账款.
  post('2026-01-25', [{ account: s2, debitFen: 150_000 }, { account: '1002', creditFen: 150_000 }]);
  post('2026-01-31', [{ account: '560204', debitFen: 2_000_000 }, { account: '221101', creditFen: 2_000_000 }]);
  post('2026-01-31', [{ account: '5601', debitFen: 100_000 }, { account: '1602', creditFen: 100_000 }]);
  // VAT payable 1,300,000 − 1,235,000 = 65,000 fen: 城建税 7 % and 教育费附加 3 %.
  post('2026-01-31', [{ account: '5403', debitFen: 6_500 }, { account: '222106', creditFen: 4_550 }, { account: '222107', creditFen: 1_950 }]);
  post('2026-01-31', [{ account: '1002', debitFen: 500_000 }, { account: '5301', creditFen: 500_000 }]);
  post('2026-01-31', [{ account: '5711', debitFen: 200_000 }, { account: '1002', creditFen: 200_000 }]);
  // 结转损益: 10,500,000 − 8,306,500 = 2,193,500 to 本年利润.
  post('2026-01-31', [
    { account: '5001', debitFen: 10_000_000, ...cust },
    { account: '5301', debitFen: 500_000 },
    { account: '5401', creditFen: 6_000_000 },
    { account: '560204', creditFen: 2_000_000 },
    { account: '5601', creditFen: 100_000 },
    { account: '5403', creditFen: 6_500 },
    { account: '5711', creditFen: 200_000 },
    { account: '3103', creditFen: 2_193_500 },
  ]);
  // February, not transferred
  post('2026-02-10', [{ account: '1122', debitFen: 5_650_000, ...cust }, { account: '5001', creditFen: 5_000_000, ...cust }, { account: '222102', creditFen: 650_000 }]);
  post('2026-02-10', [{ account: '5401', debitFen: 3_000_000 }, { account: '1405', creditFen: 3_000_000 }]);
  post('2026-02-20', [{ account: '1002', debitFen: 11_300_000 }, { account: '1122', creditFen: 11_300_000, ...cust }]);
  post('2026-02-28', [{ account: '560204', debitFen: 2_000_000 }, { account: '221101', creditFen: 2_000_000 }]);
  post('2026-02-28', [{ account: '5601', debitFen: 100_000 }, { account: '1602', creditFen: 100_000 }]);
  post('2026-02-28', [{ account: '1002', debitFen: 10_000 }, { account: '5603', creditFen: 10_000 }]);
  post('2026-02-28', [{ account: '5801', debitFen: 500_000 }, { account: '222110', creditFen: 500_000 }]);
  return book;
}

/** line → [first column, second column]; every other numbered line must be [0, 0]. */
function expectLines(lines: { def: { line?: number }; values: number[] }[], expected: Record<number, [number, number]>) {
  const got = Object.fromEntries(lines.filter((l) => l.def.line != null).map((l) => [l.def.line!, l.values]));
  const want = Object.fromEntries(Object.keys(got).map((n) => [n, expected[Number(n)] ?? [0, 0]]));
  expect(got).toEqual(want);
}

describe('small-company statements (会小企01表, 会小企02表)', () => {
  it('利润表 for January: the transfer to 本年利润 does not move it', () => {
    const is = incomeStatement(handYear(), '2026-01', '2026-01');
    expect(is.columns).toEqual(['periodFen', 'ytdFen']);
    expectLines(is.lines, {
      1: [10_000_000, 10_000_000],
      2: [6_000_000, 6_000_000],
      3: [6_500, 6_500],
      11: [100_000, 100_000],
      14: [2_000_000, 2_000_000],
      21: [1_893_500, 1_893_500],
      22: [500_000, 500_000],
      24: [200_000, 200_000],
      30: [2_193_500, 2_193_500],
      32: [2_193_500, 2_193_500],
    });
  });

  it('利润表 for February: 本月金额 and 本年累计金额; interest income makes 财务费用 negative', () => {
    const is = incomeStatement(handYear(), '2026-02', '2026-02');
    expectLines(is.lines, {
      1: [5_000_000, 15_000_000],
      2: [3_000_000, 9_000_000],
      3: [0, 6_500],
      11: [100_000, 200_000],
      14: [2_000_000, 4_000_000],
      18: [-10_000, -10_000],
      21: [-90_000, 1_803_500],
      22: [0, 500_000],
      24: [0, 200_000],
      30: [-90_000, 2_103_500],
      31: [500_000, 500_000],
      32: [-590_000, 1_603_500],
    });
  });

  it('资产负债表 at the end of February balances, with 分析填列 of 应付账款 and 未分配利润 = 3103 + 3104 + untransferred P&L', () => {
    const bs = balanceSheet(handYear(), '2026-02');
    const end = (n: number): [number, number] => [n, 0];
    expectLines(bs.lines, {
      1: end(49_760_000),
      4: end(5_650_000),
      5: end(150_000),
      9: end(500_000),
      12: end(500_000),
      15: end(56_060_000),
      18: end(12_000_000),
      19: end(200_000),
      20: end(11_800_000),
      29: end(11_800_000),
      30: end(67_860_000),
      33: end(10_735_000),
      34: end(300_000),
      35: end(4_000_000),
      36: end(1_221_500),
      41: end(16_256_500),
      47: end(16_256_500),
      48: end(50_000_000),
      51: end(1_603_500),
      52: end(51_603_500),
      53: end(67_860_000),
    });
    expect(bs.balanced).toBe(true);
    expect(bs.totals).toEqual({ assets: [67_860_000, 0], equityAndLiabilities: [67_860_000, 0] });
  });

  it('年初余额 is the balance before January; the report rows carry 行次, item and both columns', () => {
    const book = handYear();
    const r = runReport(book, 'balance-sheet', { from: '2027-03', to: '2027-03', filters: {}, locale: 'zh-CN' }).sections[0]!;
    const cash = r.records!.find((x) => x.line === 1)!;
    expect(cash).toMatchObject({ line: 1, item: '货币资金', endFen: 49_760_000, yearStartFen: 49_760_000 });
    expect(r.facts).toMatchObject({ balanced: true, totalAssetsFen: 67_860_000 });
    expect(r.records!.filter((x) => x.line != null).map((x) => x.line)).toEqual(Array.from({ length: 53 }, (_, i) => i + 1));
    // Printed as the form: 资产 beside 负债和所有者权益, 资产总计 (30) level with 负债和所有者权益总计 (53) or above it.
    expect(r.rows[0]).toMatchObject({ label: '流动资产：', rLabel: '流动负债：' });
    expect(r.rows.find((x) => x.line === 1)).toMatchObject({ rLine: 31, endFen: 49_760_000, rEndFen: 0 });
    const is = runReport(book, 'income-statement', { from: '2026-02', to: '2026-02', filters: {}, locale: 'zh-CN' }).sections[0]!;
    expect(is.rows.map((x) => x.line)).toEqual(Array.from({ length: 32 }, (_, i) => i + 1));
    expect(is.rows[0]).toMatchObject({ line: 1, item: '营业收入', label: '一、营业收入', periodFen: 5_000_000, ytdFen: 15_000_000 });
    expect(is.rows.at(-1)).toMatchObject({ line: 32, item: '净利润', periodFen: -590_000, ytdFen: 1_603_500 });
  });

  it('an unbalanced sheet says so: a balance on an account no line takes', () => {
    const book = handYear();
    // 9999 is no statutory account: a user-added first-level code outside every mapping.
    book.tx(() => book.sqlite.prepare(`INSERT INTO account (code, name, parent_code, type, normal_side, active, dims) VALUES ('9999', '未映射', NULL, 'asset', 'debit', 1, '')`).run());
    book.tx(() => bookVoucher(book, { date: '2026-02-28', memo: 'm', lines: [{ account: '9999', debitFen: 100 }, { account: '1001', creditFen: 100 }] as never }));
    const bs = balanceSheet(book, '2026-02');
    expect(bs.balanced).toBe(false);
    expect(bs.totals.assets[0] - bs.totals.equityAndLiabilities[0]).toBe(-100);
  });

  it('管理费用明细表: 本期 / 本年累计 / 上年同期 per sub-account, closing entries left out', () => {
    const book = handYear();
    const feb = runReport(book, 'admin-expenses', { from: '2026-02', to: '2026-02', filters: {}, locale: 'zh-CN' }).sections[0]!;
    expect(feb.rows).toEqual([{ code: '560204', name: '管理人员薪酬', periodFen: 2_000_000, ytdFen: 4_000_000, priorFen: 0 }]);
    expect(feb.totals).toEqual({ periodFen: 2_000_000, ytdFen: 4_000_000, priorFen: 0 });
    // A year on: January 2026 is 上年同期, although its 结转损益 brought 560204 back to zero.
    const next = runReport(book, 'admin-expenses', { from: '2027-01', to: '2027-01', filters: {}, locale: 'zh-CN' }).sections[0]!;
    expect(next.rows).toEqual([{ code: '560204', name: '管理人员薪酬', periodFen: 0, ytdFen: 0, priorFen: 2_000_000 }]);
  });

  it('reads the same after the app’s 结转损益 (closing vouchers left out), and the sheet still balances', () => {
    const book = handYear();
    const before = incomeStatement(book, '2026-02', '2026-02').lines.map((l) => l.values);
    const sheet = balanceSheet(book, '2026-02').lines.map((l) => l.values);
    book.tx(() => transferPl(book, '2026-02'));
    expect(book.sqlite.prepare(`SELECT COUNT(*) FROM voucher WHERE source_type = 'closing' AND period = '2026-02'`).pluck().get()).toBe(1);
    expect(incomeStatement(book, '2026-02', '2026-02').lines.map((l) => l.values)).toEqual(before);
    // 未分配利润 now comes from 3103 instead of the P&L accounts: the same figures.
    const after = balanceSheet(book, '2026-02');
    expect(after.lines.map((l) => l.values)).toEqual(sheet);
    expect(after.balanced).toBe(true);
  });
});

describe('statement labels from shared/messages', () => {
  it('titles, columns and notes follow the UI language: Chinese by default, no Chinese in English', () => {
    const book = handYear();
    const han = /[\u4e00-\u9fff]/;
    for (const name of ['balance-sheet', 'income-statement', 'admin-expenses', 'entertainment-limit']) {
      const labels = (locale: 'zh-CN' | 'en') => {
        const s = runReport(book, name, { from: '2026-02', to: '2026-02', filters: {}, locale }).sections[0]!;
        return [s.title, ...s.columns.map((c) => c.label), ...(name === 'entertainment-limit' ? [] : (s.notes ?? []))];
      };
      expect(labels('zh-CN').every((l) => han.test(l)), name).toBe(true);
      expect(labels('en').filter((l) => han.test(l)), name).toEqual([]);
    }
  });
});

describe('enterprise statements (财会〔2019〕6号 general format)', () => {
  it('利润表 本期 / 上期 (a year earlier), 研发费用 out of 管理费用, 信用减值损失 negative; 应收账款 net of 坏账准备', () => {
    const book = testBook({ standard: 'enterprise', firstPeriod: '2025-01' });
    const c = addCustomer(book, 'C01', '蓝海');
    const rd = book.tx(() => addSubAccount(book, { parent: '6602', name: '研发费用' }).code);
    const post = (date: string, lines: object[]) => book.tx(() => bookVoucher(book, { date, memo: 'm', lines: lines as never }));
    post('2025-03-10', [{ account: '1122', debitFen: 1_000_000, customerId: c }, { account: '6001', creditFen: 1_000_000, customerId: c }]);
    post('2026-03-10', [{ account: '1122', debitFen: 2_000_000, customerId: c }, { account: '6001', creditFen: 2_000_000, customerId: c }]);
    post('2026-03-20', [{ account: rd, debitFen: 300_000 }, { account: '1002', creditFen: 300_000 }]);
    post('2026-03-31', [{ account: '6702', debitFen: 50_000 }, { account: '1231', creditFen: 50_000 }]);
    const is = incomeStatement(book, '2026-03', '2026-03');
    expect(is.columns).toEqual(['periodFen', 'priorFen']);
    expectLines(is.lines, {
      1: [2_000_000, 1_000_000],
      6: [300_000, 0],
      14: [-50_000, 0],
      17: [1_650_000, 1_000_000],
      20: [1_650_000, 1_000_000],
      22: [1_650_000, 1_000_000],
      23: [1_650_000, 1_000_000],
      26: [1_650_000, 1_000_000],
    });
    const bs = balanceSheet(book, '2026-03');
    const at = (n: number) => bs.lines.find((l) => l.def.line === n)!.values;
    expect(at(1)).toEqual([-300_000, 0]);
    expect(at(5)).toEqual([2_950_000, 1_000_000]);
    // 2025's profit was never transferred: it sits in 未分配利润 at the start of 2026.
    expect(at(62)).toEqual([2_650_000, 1_000_000]);
    expect(bs.balanced).toBe(true);
  });
});
