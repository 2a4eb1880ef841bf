/**
 * A manager's claim with a policy warning goes through two approval steps and is paid,
 * and the budget screen moves from committed to actual — in Chromium on the web harness.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createBookInUi, startE2E, type E2E } from './harness';

let e: E2E;
beforeAll(async () => {
  e = await startE2E();
});
afterAll(async () => {
  await e?.stop();
});

const thisMonth = (() => {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}`;
})();

it('a manager submits a claim with a warning; two approvers approve it; the accountant pays; the budget moves', async () => {
  const { page } = e;
  await createBookInUi(e, '蓝海贸易（上海）有限公司', thisMonth);

  // Master data comes from the masters screens and imports (other features); seeded directly here.
  const book = e.harness.session.requireBook();
  const emp = Number(book.sqlite.prepare(`INSERT INTO employee (code, name, name_key) VALUES ('E001', '王经理', '王经理')`).run().lastInsertRowid);
  book.sqlite.prepare(`INSERT INTO customer (code, name, name_key, tier) VALUES ('C001', '华东电力', '华东电力', 'A')`).run();
  // Today's weekday must not decide the test.
  book.sqlite.prepare(`UPDATE policy_rule SET active = 0 WHERE kind = 'weekend'`).run();

  // Users: the manager (who is employee 王经理) and a second manager, created on the users screen.
  await page.getByRole('button', { name: '用户', exact: true }).click();
  for (const [name, employee] of [
    ['wang', 'E001 王经理'],
    ['li', ''],
  ] as const) {
    await page.getByTestId('user-name').fill(name);
    await page.getByTestId('user-role').selectOption('manager');
    if (employee) await page.getByTestId('user-employee').selectOption({ label: employee });
    await page.getByTestId('user-create').click();
    await page.getByText(`已新增用户 ${name}`).waitFor();
  }
  await e.shot('claims-01-users');

  // A month budget for 王经理.
  await page.getByRole('button', { name: '预算', exact: true }).click();
  await page.getByTestId('budget-employeeId').selectOption({ label: 'E001 王经理' });
  await page.getByTestId('budget-amount').fill('5,000');
  await page.getByTestId('budget-save').click();
  const budgetRow = page.locator('[data-testid^="budget-row-"]').first();
  await budgetRow.getByText('5,000.00').first().waitFor();
  await expect(budgetRow.getByTestId('budget-committed').textContent()).resolves.toBe('0.00');

  // The manager enters and submits the claim.
  await page.getByTestId('user-switch').selectOption('wang');
  // The switch is controlled: it shows wang once the login is answered (a timeout fails the test).
  await page.waitForFunction(() => document.querySelector<HTMLSelectElement>('[data-testid="user-switch"]')?.value === 'wang');
  await page.getByRole('button', { name: '报销审批' }).click();
  await page.getByTestId('claim-new').click();
  await page.getByTestId('claim-employee').fill('王');
  await page.getByRole('option', { name: /王经理/ }).click();
  await page.getByTestId('claim-title').fill('十一月客户拜访');
  await page.getByTestId('line-category-1').selectOption({ label: '餐饮费' });
  await page.getByTestId('line-description-1').fill('项目工作餐');
  await page.getByTestId('line-amount-1').fill('350');
  await page.getByTestId('line-add').click();
  await page.getByTestId('line-category-2').selectOption({ label: '差旅费' });
  await page.getByTestId('line-customer-2').fill('华东');
  await page.getByRole('option', { name: /华东电力/ }).click();
  await page.getByTestId('line-description-2').fill('拜访华东电力');
  await page.getByTestId('line-invoice-2').fill('044031900111');
  await page.getByTestId('line-amount-2').fill('2,800.00');
  await page.getByTestId('claim-lines').locator('tr').nth(2).locator('input[type=checkbox]').check();
  // The per-item cap on meals (300.00) shows on line 1 as a warning while typing.
  await page.getByTestId('line-violations-1').getByText('超过上限').waitFor();
  await page.getByTestId('claim-save').click();
  await page.getByText('已保存').waitFor();
  // A receipt for line 1, stored inside the book.
  await page.locator('select[aria-label="附到第几行"]').selectOption('1');
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: '附加单据…' }).click();
  await (await chooser).setFiles({ name: '餐费发票.png', mimeType: 'image/png', buffer: Buffer.alloc(4096, 7) });
  await page.getByText('餐费发票.png').waitFor();
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: '打开' }).click();
  expect((await download).suggestedFilename()).toBe('餐费发票.png');
  await e.shot('claims-02-editor-warning');
  await page.getByTestId('claim-submit').click();
  await page.getByTestId('action-result').getByText('已完成：审批中').waitFor();
  await expect(page.getByTestId('action-result').textContent()).resolves.toContain('超过上限');

  // Nobody approves their own claim: the button is not offered, and the bar says why and whom the claim waits for.
  await expect(page.getByTestId('claim-approve').isDisabled()).resolves.toBe(true);
  const info = page.getByTestId('approval-info');
  await info.getByText('不能审批自己的报销单').waitFor();
  await info.getByText('等待部门经理审批').waitFor();
  // 待我审批 is empty for the claimant, and says why.
  await page.getByTestId('claims-tab-mine').click();
  await page.getByTestId('claims-mine-empty').getByText('当前用户是 wang（经理）', { exact: false }).waitFor();
  await e.shot('claims-02b-mine-empty');
  await page.getByTestId('claims-tab-all').click();

  // Budget screen: committed 3,150.00. The page first shows the answer it kept (0.00) while the
  // submit's book.changed refetches it, so the figure is waited for, not read once.
  await page.getByRole('button', { name: '预算', exact: true }).click();
  await expect.poll(() => budgetRow.getByTestId('budget-committed').textContent(), { timeout: 15_000 }).toBe('3,150.00');
  await e.shot('claims-03-budget-committed');

  // Step 1: the other manager.
  await page.getByTestId('user-switch').selectOption('li');
  await page.getByRole('button', { name: '报销审批' }).click();
  await page.getByTestId('claims-tab-mine').click();
  await page.locator('[data-testid^="claim-row-"]').first().click();
  await page.getByTestId('claim-budgets').getByText('3,150.00 / 5,000.00').waitFor();
  await page.getByTestId('claim-comment').fill('同意，注意餐费标准');
  await page.getByTestId('claim-approve').click();
  await page.getByTestId('claim-chain').getByText('财务 · 待审批').waitFor();
  await e.shot('claims-04-step1-approved');

  // Step 2: finance (the accountant) — the accrual voucher is posted, on the date shown before approving.
  await page.getByTestId('user-switch').selectOption('accountant');
  await page.getByTestId('approval-info').getByText('等待财务审批').waitFor();
  await page.getByTestId('accrual-date').getByText(/审批通过后生成计提凭证，记账日期 \d{4}-\d{2}-\d{2}/).waitFor();
  await page.getByRole('button', { name: '以财务身份审批通过' }).waitFor();
  await page.getByTestId('claim-approve').click();
  await page.getByTestId('action-result').getByText(/已生成凭证 \d{4}-\d{2} 记-0001/).waitFor();
  // Payment: the dialog asks for the account and the date; the settlement voucher uses both.
  await page.getByTestId('claim-pay').click();
  const pay = page.getByTestId('pay-dialog');
  await expect(pay.getByLabel('付款账户').inputValue()).resolves.toBe('1002');
  await expect(pay.locator('option').allInnerTexts()).resolves.toEqual(['1002 银行存款', '1001 库存现金']);
  await pay.getByLabel('付款日期').fill(`${thisMonth}-01`);
  await e.shot('claims-04b-pay-dialog');
  await page.getByTestId('pay-confirm').click();
  await page.getByTestId('action-result').getByText('已完成：已付款').waitFor();
  const settled = book.sqlite.prepare(`SELECT v.date FROM claim c JOIN voucher v ON v.id = c.settlement_voucher_id`).get() as { date: string };
  expect(settled.date).toBe(`${thisMonth}-01`);
  const timeline = page.getByTestId('claim-timeline');
  await expect(timeline.locator('li').count()).resolves.toBe(4);
  await expect(timeline.textContent()).resolves.toContain('同意，注意餐费标准');
  await e.shot('claims-05-paid');

  // The budget moved from committed to actual.
  await page.getByRole('button', { name: '预算', exact: true }).click();
  await expect.poll(() => budgetRow.getByTestId('budget-actual').textContent(), { timeout: 15_000 }).toBe('3,150.00');
  await expect.poll(() => budgetRow.getByTestId('budget-committed').textContent(), { timeout: 15_000 }).toBe('0.00');
  await e.shot('claims-06-budget-actual');

  await page.getByRole('button', { name: '费用政策' }).click();
  await page.getByTestId('policy-rules').locator('tbody tr').nth(9).waitFor();
  await e.shot('claims-07-policy');

  // The same claim in English.
  await page.getByTestId('toggle-language').click();
  await page.getByRole('button', { name: 'Claims' }).click();
  await page.getByTestId('claims-tab-paid').click();
  await page.locator('[data-testid^="claim-row-"]').first().click();
  await page.getByTestId('claim-chain').getByText('Finance · Approved').waitFor();
  // The policy check's answer is the core's text in the session's language: the Chinese one shows until the switch's refetch lands.
  await expect.poll(() => page.getByTestId('line-violations-1').textContent(), { timeout: 15_000 }).toContain('Meals item 350.00 is over the cap of 300.00');
  await e.shot('claims-08-paid-en');
  const receipt = book.sqlite.prepare('SELECT file_name, size, line_no FROM claim_receipt').get();
  expect(receipt).toEqual({ file_name: '餐费发票.png', size: 4096, line_no: 1 });

  // The ledger agrees: 2241 for the employee is settled, the bank paid 3,150.00.
  const sums = book.sqlite
    .prepare(`SELECT account_code, SUM(debit_fen) d, SUM(credit_fen) c FROM voucher_line WHERE posted = 1 AND employee_id IS ? OR (posted = 1 AND account_code = '1002') GROUP BY account_code ORDER BY account_code`)
    .all(emp);
  expect(sums).toEqual([
    { account_code: '1002', d: 0, c: 315000 },
    { account_code: '2241', d: 315000, c: 315000 },
    { account_code: '56020101', d: 280000, c: 0 },
    { account_code: '56020106', d: 35000, c: 0 },
  ]);
});
