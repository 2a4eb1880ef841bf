import ExcelJS from 'exceljs';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { numberToFen } from '../../shared/money';
import { bookVoucher } from '../../electron/core/ledger/vouchers';
import { runReport } from '../../electron/core/reports/index';
import type { Book } from '../../electron/core/book/book';
import { addCustomer, addEmployee } from '../support/book';
import { createBookInUi, startE2E, type E2E } from './harness';

let e: E2E;
beforeAll(async () => {
  e = await startE2E();
});
afterAll(async () => {
  await e?.stop();
});

/** Two months of client expenses for six customers, posted through the ledger core. */
function seed(book: Book) {
  const emp = addEmployee(book, 'E01', '王经理');
  const cat = (code: string) => (book.sqlite.prepare(`SELECT id FROM category WHERE code = ?`).get(code) as { id: number }).id;
  // Twelve customers: more than the ten a top/bottom chart shows.
  const names = ['蓝海贸易', '青山科技', '=HYPERLINK("http://x")', '星河物流', '远航电子', '金桥建材', '东方明珠', '长江航运', '华山制药', '泰山钢铁', '黄河能源', '珠江食品'];
  const lines = [
    ['TRAVEL', '56020101', 123450],
    ['EVENT', '56020102', 300000],
    ['GIFT', '56020103', 45600],
    ['ENTERTAIN', '560205', 88800],
    ['CRM', '56020105', 20000],
  ] as const;
  names.forEach((n, i) => {
    const c = addCustomer(book, `C${String(i + 1).padStart(2, '0')}`, n);
    for (const month of ['2026-10', '2026-11']) {
      const picked = lines.filter((_, j) => (i + j) % 2 === 0 || month === '2026-11');
      const debits = picked.map(([code, account, fen]) => ({ account, debitFen: fen + i * 1000, categoryId: cat(code), customerId: c, employeeId: emp }));
      const total = debits.reduce((s, l) => s + l.debitFen, 0);
      book.tx(() => bookVoucher(book, { date: `${month}-${10 + i}`, memo: `${n} 费用`, lines: [...debits, { account: '2241', creditFen: total, employeeId: emp }] }));
    }
  });
}

it('opens the expense report, shows its charts, exports it to Excel and prints', async () => {
  const { page } = e;
  const book = await createBookInUi(e, '蓝海贸易（上海）有限公司', '2026-10');
  seed(book);

  await page.getByRole('button', { name: '报表', exact: true }).click();
  await page.getByLabel('起始期间').fill('2026-10');
  await page.getByLabel('结束期间').fill('2026-11');
  const body = page.getByTestId('report-body');
  await body.getByRole('heading', { name: '客户管理费用（按类别×月份）' }).waitFor();
  // Both charts are drawn on canvas, labelled in the UI language.
  await page.getByTestId('chart-pie').locator('canvas').waitFor();
  await page.getByTestId('chart-line').locator('canvas').waitFor();
  await expect(page.getByRole('img', { name: '费用结构（按类别）' }).isVisible()).resolves.toBe(true);
  const expected = runReport(book, 'expense-by-category', { from: '2026-10', to: '2026-11', filters: {}, locale: 'zh-CN' });
  const totalFen = expected.sections[0]!.totals!.totalFen as number;
  const structure = page.getByTestId('section-structure');
  await structure.locator('.report-totals').getByText('合计').waitFor();
  await expect(structure.locator('.report-totals').innerText()).resolves.toContain(
    (totalFen / 100).toLocaleString('en-US', { minimumFractionDigits: 2 }),
  );
  await page.waitForTimeout(600); // chart animation
  await e.shot('reports-01-expense-by-category');

  // Export progress is pushed (job events), never polled: nothing late can bring the progress
  // bar and its disabled buttons back after the export ended, so the next export stays possible.

  // Export: save dialog → export with progress → the browser downloads the workbook.
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '导出 Excel', exact: true }).click()]);
  const file = await download.path();
  await page.getByText(/已导出 \d+ 行到/).waitFor();
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  expect(wb.worksheets.map((w) => w.name)).toEqual(['费用结构', '月度趋势']);
  const sheet = wb.worksheets[0]!;
  const totalsRow = sheet.getRow(6 + expected.sections[0]!.rows.length + 1);
  const totalCol = expected.sections[0]!.columns.findIndex((c) => c.key === 'totalFen') + 1;
  const back = numberToFen(totalsRow.getCell(totalCol).value as number);
  expect(back).toEqual({ ok: true, fen: totalFen });

  // By customer: the top/bottom bar charts; a formula-looking customer name is shown as text.
  await page.getByLabel('报表', { exact: true }).selectOption('expense-by-customer');
  await body.getByRole('heading', { name: '客户管理费用（按客户）' }).waitFor();
  await page.getByTestId('chart-bar').first().locator('canvas').waitFor();
  await expect(page.getByTestId('chart-bar').count()).resolves.toBe(2);
  await page.getByTestId('section-expense-by-customer').getByText('=HYPERLINK("http://x")').waitFor();
  await page.waitForTimeout(600);
  await e.shot('reports-02-expense-by-customer');

  // Filter by customer: the numbers follow.
  await page.getByLabel('客户', { exact: true }).selectOption({ label: 'C01 蓝海贸易' });
  const c1 = runReport(book, 'expense-by-customer', { from: '2026-10', to: '2026-11', filters: { customerId: 1 }, locale: 'zh-CN' });
  await expect
    .poll(() => page.getByTestId('section-expense-by-customer').locator('.report-totals').innerText())
    .toContain((c1.sections[0]!.totals!.totalFen as number / 100).toLocaleString('en-US', { minimumFractionDigits: 2 }));
  await page.getByLabel('客户', { exact: true }).selectOption('');

  // Any registered report renders through the same screen, e.g. the trial balance.
  await page.getByLabel('报表', { exact: true }).selectOption('trial-balance');
  await body.getByRole('heading', { name: '科目余额表' }).waitFor();
  await body.locator('.report-totals').first().waitFor();
  await e.shot('reports-02b-trial-balance');
  await page.getByLabel('报表', { exact: true }).selectOption('expense-by-customer');
  await body.getByRole('heading', { name: '客户管理费用（按客户）' }).waitFor();

  // The period pack.
  const [pack] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '导出期间报表包', exact: true }).click()]);
  await page.getByText(/期间报表包：\d+ 张报表/).waitFor();
  const pwb = new ExcelJS.Workbook();
  await pwb.xlsx.readFile(await pack.path());
  expect(pwb.worksheets.length).toBeGreaterThanOrEqual(5);
  await e.shot('reports-03-exported');

  // Print preview layout: navigation hidden, every row laid out.
  // (window.print() would open the system dialog; the page reacts to the same events.)
  await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
  await page.emulateMedia({ media: 'print' });
  await expect(page.locator('.sidebar').isVisible()).resolves.toBe(false);
  await expect(page.getByRole('button', { name: '导出 Excel', exact: true }).isVisible()).resolves.toBe(false);
  await page.getByTestId('section-expense-by-customer').getByText('C01', { exact: true }).waitFor();
  await e.shot('reports-04-print');
  await page.emulateMedia({ media: 'screen' });
  await page.evaluate(() => window.dispatchEvent(new Event('afterprint')));

  // English: titles and chart labels follow the UI language.
  await page.getByTestId('toggle-language').click();
  await body.getByRole('heading', { name: 'Client expenses by customer' }).waitFor();
  await page.getByLabel('Report', { exact: true }).selectOption('expense-by-category');
  await page.getByRole('img', { name: 'Expense structure by category' }).waitFor();
  await page.waitForTimeout(600);
  await e.shot('reports-05-english');
});
