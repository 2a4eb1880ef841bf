/**
 * Input VAT as claim posting books it, output VAT as the revenue import books it, on real
 * book files; every amount computed by hand in the comments (half up to the fen).
 */
import { describe, expect, it } from 'vitest';
import { addCustomer, addEmployee, testBook } from '../../../test/support/book';
import { writeXlsx } from '../../../test/support/xlsx';
import type { Book } from '../book/book';
import { createClaim } from '../claims/create';
import { postAccrual } from '../claims/post';
import { claimLines } from '../claims/queries';
import { insertInvoice } from '../invoices/record';
import { runImport } from '../import/run';
import { setVatSettings } from './settings';
import { allBudgets, committedFen, saveBudget } from '../budgets/budgets';

const catId = (book: Book, code: string) => book.sqlite.prepare('SELECT id FROM category WHERE code = ?').pluck().get(code) as number;

const ledgerInvoice = (book: Book, number: string, totalFen: number, taxFen: number, kind: string) =>
  insertInvoice(book, { number, code: '', sellerTaxId: '', sellerName: '某酒店', buyerTaxId: '', buyerName: '', issueDate: '2026-03-01', amountFen: totalFen - taxFen, taxFen, totalFen, kind, status: '正常', special: /专用/.test(kind), voided: false, source: 'test' }, null);

/** One line per invoice type; [category, type, amount, stated tax, invoice no]. */
const LINES: [string, string, number, number, string][] = [
  ['LODGING', '增值税专用发票', 106000, 6000, 'A1'], // 专票: its tax, 60.00
  ['TRAVEL', '铁路电子客票', 55300, 0, 'A2'], // 553.00 × 9 / 109 = 45.6605… → 45.66
  ['TRANSPORT', '公路客运发票', 10300, 0, 'A3'], // 103.00 × 3 / 103 = 3.00
  ['TRAVEL', '水路客票', 8850, 0, 'A4'], // 88.50 × 3 / 103 = 2.5776… → 2.58
  ['TRAVEL', '航空运输电子客票行程单', 130000, 0, 'A5'], // no fare split on the line: 0, says so
  ['TRAVEL', '增值税普通发票', 10600, 600, 'A6'], // 普票: 0 though it states a tax
  ['MEALS', '增值税专用发票', 21200, 1200, 'A7'], // 餐饮: never
  ['ENTERTAIN', '增值税专用发票', 53000, 3000, 'A8'], // 招待: never
  ['LODGING', '', 85000, 5000, 'A9'], // a tax but no type, not in the ledger: 0, says so
  ['LODGING', '增值税专用发票', 31800, 0, 'B1'], // 专票 without its tax: the ledger's 18.00
  ['LODGING', '', 21200, 0, 'B2'], // no type: the ledger's 票种 says 专票, its tax 12.00
];

function setup() {
  const book = testBook({ firstPeriod: '2026-01' });
  const emp = addEmployee(book, 'E1', '张伟');
  const cust = addCustomer(book, 'C1', '甲公司');
  book.tx(() => {
    ledgerInvoice(book, 'B1', 31800, 1800, '电子发票（增值税专用发票）');
    ledgerInvoice(book, 'B2', 21200, 1200, '数电发票（增值税专用发票）');
  });
  const claimId = book.tx(() =>
    createClaim(book, {
      employeeId: emp,
      title: '三月',
      lines: LINES.map(([code, invoiceType, amountFen, taxFen, invoiceNo]) => ({ date: '2026-03-10', categoryId: catId(book, code), customerId: cust, invoiceType, amountFen, taxFen, invoiceNo })),
    }),
  );
  const post = () => {
    const head = book.sqlite.prepare('SELECT id, employee_id, total_fen, title FROM claim WHERE id = ?').get(claimId) as { id: number; employee_id: number; total_fen: number; title: string };
    const v = book.tx(() => postAccrual(book, head));
    return book.sqlite.prepare('SELECT account_code AS a, debit_fen AS d, credit_fen AS c FROM voucher_line WHERE voucher_id = ? ORDER BY line_no').all(v.id) as { a: string; d: number; c: number }[];
  };
  return { book, claimId, post };
}

describe('input VAT in claim posting, by invoice type', () => {
  it('a general taxpayer deducts each line by its invoice type, the rest to the expense', () => {
    const { book, claimId, post } = setup();
    const lines = post();
    const expected = [6000, 4566, 300, 258, 0, 0, 0, 0, 0, 1800, 1200];
    // The expense lines, in line order: amount − deductible tax.
    const expense = lines.filter((l) => l.a !== '222101' && l.a !== '2241');
    expect(expense.map((l) => l.d)).toEqual(LINES.map(([, , amount], i) => amount - expected[i]!));
    // 60.00 + 45.66 + 3.00 + 2.58 + 18.00 + 12.00 = 141.24
    expect(lines.filter((l) => l.a === '222101')).toEqual([{ a: '222101', d: 14124, c: 0 }]);
    const total = LINES.reduce((s, [, , a]) => s + a, 0);
    expect(lines.filter((l) => l.a === '2241')).toEqual([{ a: '2241', d: 0, c: total }]);
    // The claim shows what is deducted and why not, where a fact is missing.
    const rows = claimLines(book, claimId, 'zh-CN');
    expect(rows.map((r) => r.deductibleTaxFen)).toEqual(expected);
    expect(rows[4]!.vatNote).toMatch(/票价和燃油附加费/);
    expect(rows[8]!.vatNote).toMatch(/发票类型不明/);
    expect(rows.filter((r) => r.vatNote !== null)).toHaveLength(2);
    // 业务招待费 goes to 560205 whole.
    expect(expense[7]).toEqual({ a: '560205', d: 53000, c: 0 });
  });

  it('a budget counts a submitted claim as its accrual will post it: amount less the deductible tax', () => {
    const { book, claimId } = setup();
    book.tx(() => {
      book.sqlite.prepare(`UPDATE claim SET status = 'submitted' WHERE id = ?`).run(claimId);
      const employeeId = book.sqlite.prepare('SELECT employee_id FROM claim WHERE id = ?').pluck().get(claimId) as number;
      saveBudget(book, { name: '三月', periodKind: 'month', period: '2026-03', employeeId, amountFen: 1_000_000_00, warnPct: 80, alertPct: 100, hardBlock: false });
    });
    const total = LINES.reduce((s, [, , a]) => s + a, 0);
    // The claim's total less the 141.24 deducted (the 专票 tax on 餐饮, 招待 and 普票 stays in the expense).
    expect(committedFen(book, allBudgets(book)[0]!)).toBe(total - 14124);
  });

  it('a small-scale taxpayer deducts nothing: every line whole to its expense', () => {
    const { book, post } = setup();
    book.tx(() => setVatSettings(book, { taxpayer: 'small' }));
    const lines = post();
    expect(lines.some((l) => l.a === '222101')).toBe(false);
    expect(lines.filter((l) => l.a !== '2241').map((l) => l.d)).toEqual(LINES.map(([, , a]) => a));
  });

  it('the import summary lists the line whose invoice type is unknown, and an import as vouchers books the same rule', async () => {
    const book = testBook({ firstPeriod: '2026-01' });
    const path = await writeXlsx([
      {
        name: 'S',
        rows: [
          ['日期', '报销人', '客户', '费用类别', '金额', '税额', '发票类型'],
          ['2026-10-02', '张伟', '甲公司', '住宿费', '1,060.00', '60.00', ''],
          ['2026-10-03', '张伟', '甲公司', '差旅费', '553.00', '', '铁路电子客票'],
        ],
      },
    ]);
    const s = await runImport(book, { kind: 'expenses', path, as: 'vouchers' }, { locale: 'zh-CN' });
    expect(s.policy.filter((p) => p.rule === 'vat').map((p) => [p.row, p.message])).toEqual([[2, expect.stringMatching(/发票类型不明/)]]);
    expect(book.sqlite.prepare('SELECT account_code AS a, debit_fen AS d, credit_fen AS c FROM voucher_line ORDER BY voucher_id, line_no').all()).toEqual([
      { a: '56020101', d: 106000, c: 0 },
      { a: '2241', d: 0, c: 106000 },
      // 553.00 × 9 / 109 → 45.66
      { a: '56020101', d: 50734, c: 0 },
      { a: '222101', d: 4566, c: 0 },
      { a: '2241', d: 0, c: 55300 },
    ]);
  });
});

describe('output VAT on revenue', () => {
  it('a general taxpayer books 销项 at the row rate, else the customer rate, else the book rate; revenue is the rest', async () => {
    const book = testBook({ firstPeriod: '2026-01' });
    const nine = addCustomer(book, 'C9', '九公司');
    book.tx(() => book.sqlite.prepare('UPDATE customer SET vat_rate = 9 WHERE id = ?').run(nine));
    const path = await writeXlsx([
      {
        name: 'S',
        rows: [
          ['日期', '客户', '金额', '税率', '摘要'],
          ['2026-03-25', '甲公司', '10,600.00', '', '默认'], // book 6%: 10,600.00 × 6 / 106 = 600.00
          ['2026-03-25', '九公司', '1,000.00', '', '合同'], // customer 9%: 1,000.00 × 9 / 109 = 82.568… → 82.57
          ['2026-03-25', '甲公司', '1,000.00', '13%', '行'], // row 13%: 1,000.00 × 13 / 113 = 115.044… → 115.04
          ['2026-03-26', '甲公司', '(106.00)', '', '红字'], // credit note: 6.00 back
        ],
      },
    ]);
    const s = await runImport(book, { kind: 'revenue', path }, { locale: 'zh-CN' });
    expect(s.rejected).toBe(0);
    const rows = book.sqlite.prepare('SELECT voucher_id AS v, account_code AS a, debit_fen AS d, credit_fen AS c FROM voucher_line ORDER BY voucher_id, line_no').all() as { v: number; a: string; d: number; c: number }[];
    const by = (a: string) => rows.filter((r) => r.a === a).map((r) => r.c - r.d);
    expect(by('1122')).toEqual([-1060000, -100000, -100000, 10600]);
    expect(by('5001')).toEqual([1000000, 91743, 88496, -10000]);
    expect(by('222102')).toEqual([60000, 8257, 11504, -600]);
  });

  it('a customers import sets the contract rate from its 税率 column (6%, 0.09, 13); an unknown rate rejects the row', async () => {
    const book = testBook({ firstPeriod: '2026-01' });
    const path = await writeXlsx([{ name: 'S', rows: [['客户名称', '级别', '税率'], ['甲', 'A', '6%'], ['乙', 'B', '0.09'], ['丙', 'C', '13'], ['丁', 'C', ''], ['戊', 'C', '7%']] }]);
    const s = await runImport(book, { kind: 'customers', path }, { locale: 'zh-CN' });
    expect([s.accepted, s.rejected]).toEqual([4, 1]);
    expect(book.sqlite.prepare('SELECT name, vat_rate AS r FROM customer ORDER BY id').all()).toEqual([
      { name: '甲', r: 6 },
      { name: '乙', r: 9 },
      { name: '丙', r: 13 },
      { name: '丁', r: null },
    ]);
  });

  it('a small-scale taxpayer books its levy at 3% (or 1%) whatever the customer rate', async () => {
    const book = testBook({ firstPeriod: '2026-01' });
    book.tx(() => setVatSettings(book, { taxpayer: 'small', smallRatePct: 1 }));
    const path = await writeXlsx([{ name: 'S', rows: [['日期', '客户', '金额', '税率'], ['2026-03-25', '甲公司', '10,100.00', '6%']] }]);
    await runImport(book, { kind: 'revenue', path }, { locale: 'zh-CN' });
    // 10,100.00 × 1 / 101 = 100.00
    expect(book.sqlite.prepare('SELECT account_code AS a, debit_fen AS d, credit_fen AS c FROM voucher_line ORDER BY line_no').all()).toEqual([
      { a: '1122', d: 1010000, c: 0 },
      { a: '5001', d: 0, c: 1000000 },
      { a: '222102', d: 0, c: 10000 },
    ]);
  });
});
