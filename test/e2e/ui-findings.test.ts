/**
 * The defects a new user met on the demo company (issue 14), each checked as the user sees
 * it in Chromium: grids that show their rows (measured, not just present), ag-grid's own
 * texts in Chinese, voucher entry from the keyboard, field-level errors, names not codes,
 * Latin glyphs for English text, and every book opening on 首页.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Locator } from 'playwright-core';
import { createBookInUi, startE2E, type E2E } from './harness';

let e: E2E;
beforeAll(async () => {
  e = await startE2E();
});
afterAll(async () => {
  await e?.stop();
});

/** Rows really drawn: their boxes inside the grid's visible body, each a row high. */
const BODY_ROWS = '.ag-row[row-index]:not([row-index^="b"]):not([row-index^="t"])';

async function visibleRows(grid: Locator): Promise<number> {
  const body = await grid.locator('.ag-root-wrapper').first().boundingBox();
  expect(body?.height ?? 0).toBeGreaterThan(200);
  const boxes = await grid.locator(BODY_ROWS).evaluateAll((rows) => rows.map((r) => r.getBoundingClientRect()).map((b) => ({ top: b.top, height: b.height })));
  return boxes.filter((b) => b.height >= 20 && b.top >= body!.y - 1 && b.top + b.height <= body!.y + body!.height + 1).length;
}

it('opens the demo on 首页 and shows the allocation and profitability grids with their rows', async () => {
  const { page } = e;
  // Leave a page open in the first book: the next book must still open on 首页.
  await page.getByRole('button', { name: '浏览示例账套' }).click();
  await page.getByRole('heading', { name: '示例科技（上海）有限公司' }).waitFor({ timeout: 90_000 });
  await page.getByRole('button', { name: '成本分配', exact: true }).click();
  await page.getByLabel('期间', { exact: true }).fill('2026-11');
  const result = page.getByTestId('alloc-result');
  await result.locator('.ag-row').first().waitFor();
  const allocRows = await result.locator(BODY_ROWS).count();
  expect(allocRows).toBeGreaterThan(20);
  expect(await visibleRows(result)).toBeGreaterThanOrEqual(10);
  await e.shot('ui-01-alloc-demo');
  // The explanation opens from a row, as the hint says.
  await result.locator(BODY_ROWS).nth(3).click();
  await page.getByTestId('explain-panel').waitFor();

  await page.getByRole('button', { name: '客户盈利', exact: true }).click();
  await page.getByLabel('起始期间', { exact: true }).fill('2026-01');
  const profit = page.getByTestId('profit-grid');
  await profit.locator('.ag-row').first().waitFor({ timeout: 60_000 });
  expect(await visibleRows(profit)).toBeGreaterThanOrEqual(10);
  // Managers: client costs by default; no growth against months before the book (n/a, and said so).
  await expect(page.getByTestId('roi-basis').inputValue()).resolves.toBe('client');
  await page.getByTestId('roi-notes').getByText('早于账套启用期间', { exact: false }).waitFor();
  const managers = page.getByTestId('manager-grid');
  await managers.locator('.ag-header-cell-text', { hasText: '客户管理费用' }).waitFor();
  expect(await managers.locator('[col-id="growth"].ag-cell').first().innerText()).toBe('n/a');
  await e.shot('ui-02-profitability-demo');

  // ag-grid's own texts are Chinese: the column menu's filter of a report grid.
  await page.getByRole('button', { name: '客户与员工', exact: true }).click();
  await page.getByTestId('masters-customers').locator('.ag-row').first().waitFor();
  await page.getByRole('button', { name: '关闭账套' }).click();
  await page.getByRole('heading', { name: '欢迎使用客户费用账本' }).waitFor();
  await createBookInUi(e, '空白账套有限公司', '2026-12');
  // A new book opens on 首页, not on the page last used in the demo.
  await page.getByRole('heading', { name: '空白账套有限公司' }).waitFor();
  await expect(page.locator('.sidebar button.active').innerText()).resolves.toBe('首页');
});

it('speaks Chinese in ag-grid and names dimensions instead of codes', async () => {
  const { page } = e;
  await page.getByRole('button', { name: '会计科目', exact: true }).click();
  const grid = page.getByTestId('accounts-grid');
  await grid.getByText('应收账款').first().waitFor();
  const text = await grid.innerText();
  expect(text).not.toMatch(/\bcustomer\b|\bemployee\b/);
  // 1122 应收账款 carries the customer dimension in the default chart.
  await expect(grid.locator('.ag-row', { hasText: '应收账款' }).first().innerText()).resolves.toContain('客户');
  // ag-grid's own texts: the empty overlay, and the column menu's filter (from the locale).
  await page.getByRole('button', { name: '客户与员工', exact: true }).click();
  const customers = page.getByTestId('masters-customers');
  await customers.locator('.ag-overlay', { hasText: '暂无数据' }).waitFor();
  expect(await customers.innerText()).not.toMatch(/No Rows To Show/);
  await page.getByRole('button', { name: '凭证', exact: true }).click();
});

it('enters a voucher from the keyboard and says what is wrong field by field', async () => {
  const { page } = e;
  const editor = page.getByTestId('voucher-editor');
  // Nothing entered is not "借贷平衡".
  await expect(editor.getByTestId('voucher-difference').innerText()).resolves.toBe('尚未录入金额');
  await page.getByTestId('voucher-date').fill('2026-12-05');
  await page.getByTestId('voucher-date').press('Enter');
  await expect(page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.testid)).resolves.toBe('voucher-memo');
  await page.keyboard.type('测试凭证');
  await page.keyboard.press('Enter');
  await expect(page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.cell)).resolves.toBe('0-memo');
  // An amount with three decimals: the two-decimals rule, not "cannot read".
  await editor.locator('[data-cell="0-debit"]').fill('12.345');
  await editor.locator('[data-cell="1-credit"]').fill('12.34');
  await page.getByTestId('voucher-save').click();
  await expect(page.getByTestId('voucher-note').innerText()).resolves.toBe('第 1 行：金额 12.345 超过两位小数（金额精确到分，不会四舍五入）');
  // No account chosen: a field-level message in Chinese, never the request's path.
  await editor.locator('[data-cell="0-debit"]').fill('12.34');
  await page.getByTestId('voucher-save').click();
  const note = page.getByTestId('voucher-note');
  await note.getByText('第 1 行：科目不能为空').waitFor();
  expect(await note.innerText()).not.toMatch(/lines\.|account code|请求内容不正确/);
  await e.shot('ui-03-voucher-errors');
});

it('draws English apostrophes with a Latin font', async () => {
  const { page } = e;
  await page.getByTestId('toggle-language').click();
  await page.getByRole('button', { name: 'Home', exact: true }).waitFor();
  // A narrow Latin apostrophe is a third of a CJK one; the page's own font stack decides.
  const widths = await page.evaluate(() => {
    const span = document.createElement('span');
    document.querySelector('.content')!.appendChild(span);
    const w = (s: string) => ((span.textContent = s), span.getBoundingClientRect().width);
    const out = { apostrophe: w('’’’’’’’’’’'), cjk: w('账账账账账账账账账账') };
    span.remove();
    return out;
  });
  expect(widths.apostrophe).toBeLessThan(widths.cjk / 2);
  await page.getByTestId('toggle-language').click();
});
