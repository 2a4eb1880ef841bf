/**
 * The ledger journey in Chromium: masters created on the 客户与员工 page, a three-line
 * voucher entered by keyboard only (pinyin account search, "=" to balance, Ctrl+S),
 * posted, seen in the trial balance and the detail ledger, then reversed (红字冲销).
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

it('enters a voucher by keyboard, posts it, sees it in the trial balance and reverses it', async () => {
  const { page } = e;
  page.on('dialog', (d) => void d.accept());
  await createBookInUi(e, '青山咨询有限公司', '2026-01');

  // Masters: a customer and an employee, added on their page.
  await page.getByRole('button', { name: '客户与员工' }).click();
  await page.getByTestId('masters-new-name').fill('蓝海贸易（上海）有限公司');
  await page.getByTestId('masters-new-name').press('Enter');
  await page.getByTestId('masters-customers').getByText('蓝海贸易（上海）有限公司').waitFor();
  // The same name in half-width brackets is refused with the existing code.
  await page.getByTestId('masters-new-name').fill('蓝海贸易(上海)有限公司');
  await page.getByTestId('masters-new-name').press('Enter');
  await page.getByTestId('masters-note').getByText(/已存在（编码 C0001）/).waitFor();
  await page.getByTestId('masters-tab-employees').click();
  await page.getByTestId('masters-new-name').fill('张三');
  await page.getByTestId('masters-new-name').press('Enter');
  await page.getByTestId('masters-employees').getByText('E0001').waitFor();
  await e.shot('ledger-01-masters');

  // The voucher, keyboard only from the date field on.
  await page.getByRole('button', { name: '凭证', exact: true }).click();
  // A one-accountant book that posts without 审核 (vouchers.test.ts walks the review workflow).
  await page.getByTestId('setting-review-required').uncheck();
  await page.getByTestId('voucher-toolbar-note').getByText('凭证设置已保存').waitFor();
  const editor = page.getByTestId('voucher-editor');
  await page.getByTestId('voucher-date').fill('2026-01-15');
  const kb = page.keyboard;
  const pickFirst = async (text: string) => {
    await kb.type(text);
    await editor.locator('.picker-list li[aria-selected="true"]').waitFor();
    await kb.press('Enter');
  };
  await kb.press('Tab');
  await kb.type('报销差旅');
  await kb.press('Tab'); // line 1 memo
  await kb.type('拜访蓝海');
  await kb.press('Enter'); // account
  await pickFirst('bfcl'); // 拜访差旅 by pinyin initials; Enter takes it and moves on
  await kb.type('800');
  await kb.press('Enter'); // credit
  await kb.press('Enter'); // customer
  await pickFirst('lh');
  await kb.press('Enter'); // employee: none
  await kb.press('Enter'); // department: none
  await kb.type('进项税额'); // line 2 memo
  await kb.press('Tab');
  await kb.type('222101');
  await kb.press('Tab');
  await kb.type('48.00');
  await kb.press('Tab'); // credit
  await kb.press('Tab'); // customer
  await kb.press('Tab'); // employee
  await kb.press('Tab'); // department
  await kb.press('Enter'); // last cell: a new line, focus on its account
  // A fast typist: Enter right after the last letter, before the list has caught up
  // (earlier prefixes list 其他应收款 first); the picker must take qtyfk's best match, 其他应付款.
  await kb.type('qtyfk');
  await kb.press('Enter');
  await kb.press('Enter'); // credit
  await expect(editor.getByTestId('voucher-difference').textContent()).resolves.toContain('848.00');
  await kb.type('='); // the balancing amount
  await kb.press('Tab'); // customer
  await kb.press('Tab'); // employee
  await pickFirst('zs');
  await editor.getByTestId('voucher-difference').getByText('借贷平衡').waitFor();
  await e.shot('ledger-02-voucher-entry');
  await kb.press('Control+s');
  await editor.getByTestId('voucher-note').getByText('已保存草稿').waitFor();
  await editor.getByTestId('voucher-post').click();
  await editor.getByTestId('voucher-note').getByText('已过账：2026-01 记-0001').waitFor();
  await page.getByTestId('voucher-list').getByText('报销差旅').waitFor();
  await e.shot('ledger-03-voucher-posted');

  const book = e.harness.session.requireBook();
  const lines = book.sqlite.prepare(`SELECT account_code, debit_fen, credit_fen, customer_id, employee_id FROM voucher_line ORDER BY line_no`).all();
  expect(lines).toEqual([
    { account_code: '56020101', debit_fen: 80000, credit_fen: 0, customer_id: 1, employee_id: null },
    { account_code: '222101', debit_fen: 4800, credit_fen: 0, customer_id: null, employee_id: null },
    { account_code: '2241', debit_fen: 0, credit_fen: 84800, customer_id: null, employee_id: 1 },
  ]);

  // Trial balance: parents roll up, totals balance.
  await page.getByRole('button', { name: '账簿' }).click();
  const tb = page.getByTestId('trial-balance');
  await tb.locator('[row-id="56020101"]').getByText('800.00').first().waitFor();
  await expect(tb.locator('[row-id="5602"]').textContent()).resolves.toContain('800.00');
  await expect(tb.locator('[row-id="2241"]').textContent()).resolves.toContain('848.00');
  await expect(tb.locator('.ag-row-pinned').textContent()).resolves.toMatch(/848\.00.*848\.00/);
  await e.shot('ledger-04-trial-balance');
  await tb.locator('[row-id="2241"]').getByText('其他应付款').dblclick();
  await page.getByTestId('detail-ledger').getByText('记-0001').waitFor();
  await e.shot('ledger-05-detail-ledger');

  // Reverse from the voucher list.
  await page.getByRole('button', { name: '凭证', exact: true }).click();
  await page.getByTestId('voucher-list').getByRole('button', { name: '红字冲销' }).click();
  await editor.getByRole('heading', { name: /记-0002/ }).waitFor();
  await expect(editor.getByTestId('voucher-debit-total').textContent()).resolves.toBe('-848.00');
  await e.shot('ledger-06-reversed');
  await page.getByRole('button', { name: '账簿' }).click();
  await tb.locator('.ag-row-pinned').getByText('0.00').first().waitFor();
  await expect(tb.locator('[row-id="2241"]').count()).resolves.toBe(0);
  expect(book.sqlite.prepare(`SELECT number, reverses_id FROM voucher ORDER BY id`).all()).toEqual([
    { number: 1, reverses_id: null },
    { number: 2, reverses_id: 1 },
  ]);
  await e.shot('ledger-07-trial-balance-after-reversal');
});

it('pastes rows copied from Excel, refuses a closed period and reopens it with a reason', async () => {
  const { page } = e;
  await page.getByRole('button', { name: '期间', exact: true }).click();
  // 结账 after 结转损益 (the month's expenses move to 本年利润 first, or the 结账检查 blocks).
  await page.getByTestId('period-2026-01').getByRole('button', { name: '结转损益' }).click();
  await page.getByTestId('period-note').getByText(/结转/).waitFor();
  await page.getByTestId('period-2026-01').getByRole('button', { name: '结账', exact: true }).click();
  await page.getByTestId('period-2026-01').getByText('已结账').waitFor();
  await e.shot('ledger-08-periods');

  await page.getByRole('button', { name: '凭证', exact: true }).click();
  const editor = page.getByTestId('voucher-editor');
  await editor.getByRole('button', { name: '新建凭证' }).click();
  await page.getByTestId('voucher-date').fill('2026-01-20');
  // What Excel puts on the clipboard: tab-separated cells, one line per row.
  const tsv = '支付房租\t560203 租赁费\t3,000.00\t\t\t\n支付房租\t银行存款\t\t3000\t\t\n';
  await editor.locator('[data-cell="0-memo"]').evaluate((el, text) => {
    const data = new DataTransfer();
    data.setData('text/plain', text);
    el.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  }, tsv);
  await editor.getByTestId('voucher-note').getByText('已粘贴 2 行').waitFor();
  await expect(editor.locator('[data-cell="1-account"]').inputValue()).resolves.toBe('1002 银行存款');
  await editor.getByTestId('voucher-difference').getByText('借贷平衡').waitFor();
  // ↑ / ↓ move between lines within a column.
  await editor.locator('[data-cell="1-credit"]').focus();
  await page.keyboard.press('ArrowUp');
  await expect(page.evaluate(() => document.activeElement?.getAttribute('data-cell'))).resolves.toBe('0-credit');
  await editor.getByTestId('voucher-save').click();
  await editor.getByTestId('voucher-note').getByText('期间 2026-01 已结账，不能写入').waitFor();
  await e.shot('ledger-09-closed-period-refused');

  await page.getByRole('button', { name: '期间', exact: true }).click();
  await page.getByTestId('period-2026-01').getByRole('button', { name: '反结账' }).click();
  await page.getByPlaceholder('反结账原因（必填，记入审计日志）').fill('补录房租');
  await page.getByTestId('period-2026-01').getByRole('button', { name: '反结账' }).click();
  await page.getByTestId('period-2026-01').getByText('未结账').waitFor();
  const audit = e.harness.session.requireBook().sqlite.prepare(`SELECT after FROM audit_log WHERE action = 'period.reopen'`).get() as { after: string };
  expect(JSON.parse(audit.after)).toMatchObject({ reason: '补录房租' });

  await page.getByRole('button', { name: '凭证', exact: true }).click();
  await editor.locator('[data-cell="0-memo"]').evaluate((el, text) => {
    const data = new DataTransfer();
    data.setData('text/plain', text);
    el.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  }, tsv);
  await page.getByTestId('voucher-date').fill('2026-01-20');
  await editor.getByTestId('voucher-post').click();
  await editor.getByTestId('voucher-note').getByText('已过账：2026-01 记-0003').waitFor();
  await e.shot('ledger-10-pasted-posted');
  // The same screens in English.
  await page.getByTestId('toggle-language').click();
  await page.getByRole('heading', { name: 'Voucher entry 2026-01 记-0003' }).waitFor();
  await e.shot('ledger-11-voucher-en');
  await page.getByRole('button', { name: 'Ledgers' }).click();
  await page.getByTestId('trial-balance').getByText('Closing').waitFor();
  await e.shot('ledger-12-trial-balance-en');
  await page.getByTestId('toggle-language').click();
});

it('edits masters in the grid and adds a sub-account', async () => {
  const { page } = e;
  const book = e.harness.session.requireBook();
  await page.getByRole('button', { name: '客户与员工' }).click();
  const grid = page.getByTestId('masters-customers');
  await grid.locator('[row-id="1"] [col-id="tier"]').dblclick();
  await page.keyboard.type('A');
  await page.keyboard.press('Enter');
  await page.getByTestId('masters-note').getByText('已保存').waitFor();
  expect(book.sqlite.prepare(`SELECT tier FROM customer WHERE id = 1`).pluck().get()).toBe('A');

  await page.getByTestId('masters-tab-chart').click();
  await page.getByTestId('chart-parent').fill('yhck');
  await page.locator('.picker-list li[aria-selected="true"]').waitFor();
  await page.keyboard.press('Enter');
  await page.getByTestId('chart-sub-name').fill('工商银行');
  await page.getByTestId('chart-sub-name').press('Enter');
  // 1002 already has postings: the core refuses, with the reason.
  await page.getByTestId('masters-note').getByText(/1002 银行存款 已有 \d+ 笔凭证分录/).waitFor();
  await page.getByTestId('chart-parent').fill('1221');
  await page.getByTestId('chart-parent').press('Tab');
  await page.getByTestId('chart-sub-name').fill('员工借款');
  await page.getByTestId('chart-sub-name').press('Enter');
  await page.getByTestId('masters-chart').locator('[row-id="122101"]').waitFor();
  await e.shot('ledger-13-chart-sub-account');
  expect(book.sqlite.prepare(`SELECT name, parent_code FROM account WHERE code = '122101'`).get()).toEqual({ name: '员工借款', parent_code: '1221' });
  expect(book.sqlite.prepare(`SELECT COUNT(*) FROM audit_log WHERE action LIKE 'masters.%'`).pluck().get()).toBeGreaterThanOrEqual(4);
});
