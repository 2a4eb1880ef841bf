/** The non-expense kinds, each on a real .xlsx: what is written, what is a duplicate, what is refused. */
import { describe, expect, it } from 'vitest';
import { addCustomer, addEmployee, testBook } from '../../../test/support/book';
import { testSession } from '../../../test/support/session';
import { writeXlsx } from '../../../test/support/xlsx';
import { undoBatch } from './batches';
import { runImport } from './run';
import { waitJob } from '../jobs/runner';
import type { ImportSummary } from '../../../shared/contract/import';

const zh = { locale: 'zh-CN' as const };

describe('masters', () => {
  it('customers: new ones with their code or the next C0001; a known name is a duplicate; a manager is created', async () => {
    const book = testBook();
    addCustomer(book, 'C0001', '老客户');
    const path = await writeXlsx([{ name: '客户', rows: [['客户编码', '客户名称', '客户级别', '客户经理'], ['K9', '甲公司', 'A', '张伟'], [null, '乙公司', 'B', null], [null, ' 老客户 ', 'A', null], ['C0001', '丙公司', 'B', null]] }]);
    const s = await runImport(book, { kind: 'customers', path }, zh);
    expect([s.accepted, s.duplicates, s.rejected, s.createdCustomers, s.createdEmployees]).toEqual([2, 1, 1, 2, 1]);
    expect(s.rejects[0]).toMatchObject({ row: 5, reason: '编码 C0001 已被其他记录使用' });
    expect(book.sqlite.prepare('SELECT code, name, tier, manager_id IS NOT NULL AS m FROM customer ORDER BY id').all()).toEqual([
      { code: 'C0001', name: '老客户', tier: 'A', m: 0 },
      { code: 'K9', name: '甲公司', tier: 'A', m: 1 },
      { code: 'C0002', name: '乙公司', tier: 'B', m: 0 },
    ]);
  });

  it('employees: approvers may come later in the list; an unknown approver or department is refused', async () => {
    const book = testBook();
    book.sqlite.prepare(`INSERT INTO department (code, name, name_key) VALUES ('D1', '销售一部', '销售一部')`).run();
    const path = await writeXlsx([{ name: '员工', rows: [['工号', '姓名', '部门', '审批人'], ['W7', '李娜', '销售一部', '王经理'], [null, '王经理', '销售一部', null], [null, '赵敏', '不存在部', null], [null, '周杰', null, '无名氏']] }]);
    const s = await runImport(book, { kind: 'employees', path }, zh);
    expect([s.accepted, s.rejected]).toEqual([2, 2]);
    const rows = book.sqlite.prepare('SELECT e.code, e.name, a.name AS approver FROM employee e LEFT JOIN employee a ON a.id = e.approver_id ORDER BY e.id').all();
    expect(rows).toEqual([
      { code: 'W7', name: '李娜', approver: '王经理' },
      { code: 'E0001', name: '王经理', approver: null },
    ]);
    // A list import is undone whole.
    book.tx(() => undoBatch(book, s.batchId));
    expect(book.sqlite.prepare('SELECT COUNT(*) FROM employee').pluck().get()).toBe(0);
  });

  it('accounts: children of existing accounts; parent and type checked; undo removes them', async () => {
    const book = testBook();
    const path = await writeXlsx([
      {
        name: '科目',
        rows: [['科目编码', '科目名称', '科目类型', '余额方向', '辅助核算'], ['560207', '差旅费', '费用', '借', '客户、员工'], ['56020701', '国内差旅', null, null, '客户'], ['9999', '奇怪', '未知类', null, null], ['560299', '无上级', null, null, null].slice(0, 2), ['5602', '管理费用', '费用', '借', null]],
      },
    ]);
    const s = await runImport(book, { kind: 'accounts', path }, zh);
    expect([s.accepted, s.rejected, s.duplicates]).toEqual([3, 1, 1]);
    expect(book.sqlite.prepare(`SELECT code, parent_code, type, normal_side, dims FROM account WHERE code LIKE '5602%' AND length(code) >= 6 AND code IN ('560207','56020701','560299')`).all()).toEqual([
      { code: '560207', parent_code: '5602', type: 'expense', normal_side: 'debit', dims: 'customer,employee' },
      { code: '56020701', parent_code: '560207', type: 'expense', normal_side: 'debit', dims: 'customer' },
      { code: '560299', parent_code: '5602', type: 'expense', normal_side: 'debit', dims: '' },
    ]);
    book.tx(() => undoBatch(book, s.batchId));
    expect(book.sqlite.prepare(`SELECT COUNT(*) FROM account WHERE code IN ('560207','56020701','560299')`).pluck().get()).toBe(0);
  });
});

describe('revenue', () => {
  it('posts Dr 1122 / Cr 6001 (enterprise) with the customer and Cr 222102 销项税额 (6%); a credit note swaps sides; re-import adds nothing', async () => {
    const book = testBook({ standard: 'enterprise', firstPeriod: '2026-01' });
    const path = await writeXlsx([{ name: '收入', rows: [['日期', '客户', '收入金额', '摘要'], ['2026-10-31', '甲公司', '10,000.00', '10月服务费'], ['2026-10-31', '乙公司', '(500.00)', '折让'], ['2026-10-31', '', 100, '无客户']] }]);
    const s = await runImport(book, { kind: 'revenue', path }, zh);
    expect([s.accepted, s.rejected, s.createdCustomers]).toEqual([2, 1, 2]);
    const lines = book.sqlite.prepare(`SELECT account_code AS a, debit_fen AS d, credit_fen AS c, customer_id IS NOT NULL AS cu FROM voucher_line WHERE posted = 1 ORDER BY id`).all();
    // A general taxpayer at the book's 6%: 10,000.00 × 6 / 106 = 566.037… → 566.04; 500.00 × 6 / 106 = 28.30.
    expect(lines).toEqual([
      { a: '1122', d: 1000000, c: 0, cu: 1 },
      { a: '6001', d: 0, c: 943396, cu: 1 },
      { a: '222102', d: 0, c: 56604, cu: 0 },
      { a: '6001', d: 47170, c: 0, cu: 1 },
      { a: '222102', d: 2830, c: 0, cu: 0 },
      { a: '1122', d: 0, c: 50000, cu: 1 },
    ]);
    const again = await runImport(book, { kind: 'revenue', path }, zh);
    expect([again.accepted, again.duplicates]).toEqual([0, 2]);
  });
});

describe('allocation inputs', () => {
  it('drivers: values in thousandths per customer and period; the same value again is a duplicate, another a conflict', async () => {
    const book = testBook();
    const path = await writeXlsx([{ name: '动因', rows: [['客户', '动因', '数值', '期间'], ['甲公司', '订单数', 12.5, '2026-10'], ['乙公司', '订单数', '3', '2026年10月'], ['甲公司', '订单数', 12.5, '2026/10'], ['甲公司', '订单数', 13, '2026-10'], ['乙公司', '拜访', 1.2345, '2026-10']] }]);
    const s = await runImport(book, { kind: 'drivers', path }, zh);
    expect([s.accepted, s.duplicates, s.rejected]).toEqual([2, 1, 2]);
    expect(book.sqlite.prepare('SELECT period, driver, value_milli FROM driver_value ORDER BY id').all()).toEqual([
      { period: '2026-10', driver: '订单数', value_milli: 12500 },
      { period: '2026-10', driver: '订单数', value_milli: 3000 },
    ]);
  });

  it('timesheets: hours in thousandths; known employee reused; duplicates across files', async () => {
    const book = testBook();
    addEmployee(book, 'E0001', '张伟');
    const path = await writeXlsx([{ name: '工时', rows: [['员工', '客户', '工时', '日期'], ['张伟', '甲公司', 7.5, '2026-10-08'], ['李娜', '甲公司', '25', '2026-10-08'], ['李娜', '乙公司', 2, '2026-10-09']] }]);
    const s = await runImport(book, { kind: 'timesheets', path }, zh);
    expect([s.accepted, s.rejected, s.createdEmployees, s.createdCustomers]).toEqual([2, 1, 1, 2]);
    expect(book.sqlite.prepare('SELECT period, hours_milli FROM timesheet ORDER BY id').all()).toEqual([
      { period: '2026-10', hours_milli: 7500 },
      { period: '2026-10', hours_milli: 2000 },
    ]);
    expect((await runImport(book, { kind: 'timesheets', path }, zh)).duplicates).toBe(2);
  });
});

describe('undo', () => {
  const sheet = (rows: (string | number)[][]) => writeXlsx([{ name: '工时', rows: [['员工', '客户', '工时', '日期'], ...rows] }]);

  it('a list import whose customer a later batch uses is refused whole, naming the customer', async () => {
    const book = testBook();
    const list = await runImport(book, { kind: 'customers', path: await writeXlsx([{ name: '客户', rows: [['客户编码', '客户名称', '客户级别'], [null, '甲公司', 'A'], [null, '乙公司', 'B']] }]) }, zh);
    await runImport(book, { kind: 'timesheets', path: await sheet([['张伟', '甲公司', 2, '2026-10-08']]) }, zh);
    expect(() => book.tx(() => undoBatch(book, list.batchId))).toThrow(expect.objectContaining({ code: 'import.undoMasterUsed', params: { id: list.batchId, what: 'customer', name: '甲公司' } }));
    expect(book.sqlite.prepare('SELECT name FROM customer ORDER BY id').pluck().all()).toEqual(['甲公司', '乙公司']);
  });

  it('masters created on the side stay, no longer of the batch, while a later batch uses them; the others go', async () => {
    const book = testBook();
    const first = await runImport(book, { kind: 'timesheets', path: await sheet([['张伟', '甲公司', 2, '2026-10-08'], ['李娜', '乙公司', 3, '2026-10-08']]) }, zh);
    await runImport(book, { kind: 'timesheets', path: await sheet([['张伟', '甲公司', 4, '2026-10-09']]) }, zh);
    const r = book.tx(() => undoBatch(book, first.batchId));
    expect(r.deletedMasters).toBe(2);
    expect(book.sqlite.prepare('SELECT name, batch_id FROM customer ORDER BY id').all()).toEqual([{ name: '甲公司', batch_id: null }]);
    expect(book.sqlite.prepare('SELECT name, batch_id FROM employee ORDER BY id').all()).toEqual([{ name: '张伟', batch_id: null }]);
    expect(book.sqlite.prepare('SELECT hours_milli FROM timesheet').pluck().all()).toEqual([4000]);
  });

  it("is refused once a month of the batch's allocation inputs is closed, naming the month", async () => {
    const book = testBook();
    const s = await runImport(book, { kind: 'timesheets', path: await sheet([['张伟', '甲公司', 2, '2026-10-08']]) }, zh);
    book.tx(() => book.sqlite.prepare(`INSERT INTO period (period, status) VALUES ('2026-10', 'closed') ON CONFLICT(period) DO UPDATE SET status = 'closed'`).run());
    expect(() => book.tx(() => undoBatch(book, s.batchId))).toThrow(expect.objectContaining({ code: 'ledger.periodClosed', params: { period: '2026-10' } }));
    expect(book.sqlite.prepare('SELECT COUNT(*) FROM timesheet').pluck().get()).toBe(1);
  });
});

describe('ledger kinds', () => {
  it('opening balances: one posted opening voucher on the first day of the first period', async () => {
    const book = testBook({ firstPeriod: '2026-01' });
    const path = await writeXlsx([{ name: '期初', rows: [['科目编码', '客户', '员工', '借方', '贷方'], ['1002', null, null, '50,000.00', null], ['1122', '甲公司', null, 20000, null], ['2241', null, '张伟', null, 10000], ['3001', null, null, null, '60,000.00'], ['1122', null, null, 5, null]] }]);
    const s = await runImport(book, { kind: 'opening-balances', path }, zh);
    expect([s.accepted, s.rejected]).toEqual([4, 1]);
    expect(s.rejects[0]!.reason).toBe('科目 1122 应收账款 需要填写客户');
    const v = book.sqlite.prepare(`SELECT date, status, (SELECT COUNT(*) FROM voucher_line WHERE voucher_id = voucher.id) AS n FROM voucher`).all();
    expect(v).toEqual([{ date: '2026-01-01', status: 'posted', n: 4 }]);
  });

  it('opening balances that do not balance write nothing', async () => {
    const book = testBook({ firstPeriod: '2026-01' });
    const path = await writeXlsx([{ name: '期初', rows: [['科目', '借方', '贷方'], ['1002', 100, null], ['3001', null, 90]] }]);
    await expect(runImport(book, { kind: 'opening-balances', path }, zh)).rejects.toMatchObject({ code: 'import.openingUnbalanced' });
    expect(book.sqlite.prepare('SELECT COUNT(*) FROM import_batch').pluck().get()).toBe(0);
    expect(book.sqlite.prepare('SELECT COUNT(*) FROM voucher').pluck().get()).toBe(0);
  });

  it('vouchers: rows grouped by number; a voucher with one bad row is refused whole', async () => {
    const book = testBook({ firstPeriod: '2026-01' });
    const path = await writeXlsx([
      {
        name: '凭证',
        rows: [
          ['日期', '凭证号', '科目', '摘要', '借方', '贷方', '客户'],
          ['2026-10-05', '1', '56020101 拜访差旅', '出差', 300, null, '甲公司'],
          ['2026-10-05', '1', '1002', '出差', null, 300, null],
          ['2026-10-06', '2', '1001', '提现', 100, null, null],
          ['2026-10-06', '2', '1002', '提现', null, 'abc', null],
          ['2026-10-07', '3', '1001', '不平', 100, null, null],
          ['2026-10-07', '3', '1002', '不平', null, 90, null],
        ],
      },
    ]);
    const s = await runImport(book, { kind: 'vouchers', path }, { locale: 'en' });
    expect([s.accepted, s.rejected]).toEqual([2, 4]);
    expect(s.rejects.map((r) => [r.row, r.reason])).toEqual([
      [4, 'Another row of voucher 2 is wrong: the whole voucher was not imported'],
      [5, 'Amount is not a number'],
      [6, 'Not balanced: debit 100.00, credit 90.00, difference 10.00'],
      [7, 'Another row of voucher 3 is wrong: the whole voucher was not imported'],
    ]);
    expect(book.sqlite.prepare(`SELECT COUNT(*) FROM voucher WHERE status = 'posted'`).pluck().get()).toBe(1);
  });
});

describe('through the service', () => {
  it('preview shows header, mapping and row statuses; an edited mapping is remembered for the same header shape', async () => {
    const { call } = testSession();
    await call('book.create', { path: 'p.book', company: '测试', firstPeriod: '2026-01' });
    const path = await writeXlsx([{ name: 'S', rows: [['标题'], ['日期', '报销人', '类别', '金额', '金额2'], ['2026-10-01', '张伟', '差旅', 1, 100], ['2026-10-01', '张伟', '差旅', 'x', 200]] }]);
    const p = await call('import.preview', { kind: 'expenses', path });
    expect(p.sheets[0]).toMatchObject({ name: 'S', headerRow: 2, mapping: { date: 1, employee: 2, category: 3, amount: 4 }, remembered: false, missing: [] });
    expect(p.sheets[0]!.rows.map((r) => r.status)).toEqual(['ok', 'rejected']);
    const s = await waitJob<ImportSummary>((await call('import.start', { kind: 'expenses', path, mapping: { date: 1, employee: 2, category: 3, amount: 5 } })).jobId);
    expect(s.acceptedTotalFen).toBe(30000);
    const again = await call('import.preview', { kind: 'expenses', path });
    expect(again.sheets[0]).toMatchObject({ remembered: true, mapping: { amount: 5 } });
    expect((await call('import.batches', {}))[0]).toMatchObject({ id: s.batchId, accepted: 2, fileName: 'book.xlsx' });
  });

  it('import.start answers a job id at once; progress, book.changed and job.done follow as events, in order', async () => {
    const { call, events } = testSession();
    await call('book.create', { path: 'j.book', company: '测试', firstPeriod: '2026-01' });
    const rows = Array.from({ length: 3000 }, (_, i) => ['2026-10-01', `员工${i % 7}`, '差旅', `${i}.5`]);
    const path = await writeXlsx([{ name: 'S', rows: [['日期', '报销人', '类别', '金额'], ...rows] }]);
    events.length = 0;
    const { jobId } = await call('import.start', { kind: 'expenses', path });
    expect(events).toEqual([]);
    const result = await waitJob<ImportSummary>(jobId);
    expect(result).toMatchObject({ accepted: 3000, rowsRead: 3000 });
    const types = events.map((e) => e.type);
    // Progress first (at least one), then what the job wrote, then exactly one outcome, last.
    expect(types.at(-1)).toBe('job.done');
    expect(types.at(-2)).toBe('book.changed');
    expect(types.slice(0, -2).every((t) => t === 'job.progress')).toBe(true);
    expect(types.slice(0, -2).length).toBeGreaterThan(0);
    const fractions = events.flatMap((e) => (e.type === 'job.progress' ? [e.progress.fraction] : []));
    expect([...fractions].sort((x, y) => x - y)).toEqual(fractions);
    expect(fractions.every((f) => f >= 0 && f <= 1)).toBe(true);
    expect(events.at(-2)).toMatchObject({ type: 'book.changed', tables: expect.arrayContaining(['import_batch', 'claim', 'employee']) });
    expect(events.at(-1)).toEqual({ type: 'job.done', jobId, job: 'import', result });
  });
});
