/**
 * The voucher, period and masters pages hold no reload counters (issue 17): what they show
 * are the data layer's answers, refreshed when the engine says a table changed. So a write
 * made outside the page (another window's request, through the harness with the token)
 * shows in the open page without a reload or a navigation: the voucher settings, the
 * voucher list, the open voucher in the editor, the periods table and the customers grid.
 * And a grid edit the core refuses leaves the stored value in the cell, the reason beside it.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startE2E, type E2E } from './harness';

let e: E2E;
beforeAll(async () => {
  e = await startE2E();
});
afterAll(async () => {
  await e?.stop();
});

/** A request as another window of the app makes it; its reply's data, or the test fails with the core's message. */
async function callOutside<T>(channel: string, payload: unknown): Promise<T> {
  const res = await fetch(new URL(`/api/${channel}`, e.harness.url), {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-client-ledger-token': e.harness.token },
    body: JSON.stringify(payload),
  });
  const reply = (await res.json()) as { ok: true; data: T } | { ok: false; error: { message: string } };
  if (!reply.ok) throw new Error(`${channel}: ${reply.error.message}`);
  return reply.data;
}

it('shows writes made outside the page in the voucher, period and masters pages, and keeps a refused cell as stored', async () => {
  const { page } = e;
  await page.getByLabel('公司名称').fill('外部写入测试有限公司');
  await page.getByLabel('启用期间').fill('2026-01');
  await page.getByRole('button', { name: '创建账套' }).click();
  await page.getByRole('button', { name: '凭证', exact: true }).click();
  const reviewBox = page.getByTestId('setting-review-required');
  await reviewBox.waitFor();
  expect(await reviewBox.isChecked()).toBe(true);

  // Settings changed elsewhere: the toolbar's box follows, and the editor drops its 审核 button.
  await callOutside('vouchers.setSettings', { reviewRequired: false });
  await expect.poll(() => reviewBox.isChecked(), { timeout: 10_000 }).toBe(false);
  await page.getByTestId('voucher-review').waitFor({ state: 'detached', timeout: 10_000 });

  // A draft saved elsewhere appears in the list.
  const list = page.getByTestId('voucher-list');
  const draft = await callOutside<{ id: number }>('vouchers.save', {
    date: '2026-01-12',
    memo: '另一窗口录入',
    lines: [
      { account: '1002', debitFen: 5_000_00 },
      { account: '3001', creditFen: 5_000_00 },
    ],
  });
  const row = list.locator(`[row-id="${draft.id}"]`);
  await row.getByText('另一窗口录入').waitFor({ timeout: 10_000 });
  await row.getByText('草稿').waitFor();

  // Opened in the editor, then posted elsewhere: the editor and the list both say 已过账.
  await row.getByRole('button', { name: '打开' }).click();
  const editor = page.getByTestId('voucher-editor');
  await expect.poll(() => page.getByTestId('voucher-memo').inputValue()).toBe('另一窗口录入');
  await callOutside('vouchers.post', { id: draft.id });
  await editor.locator('.badge.posted').waitFor({ timeout: 10_000 });
  await editor.getByRole('heading', { name: '凭证录入 2026-01 记-0001' }).waitFor();
  await row.getByText('已过账').waitFor({ timeout: 10_000 });
  await e.shot('outside-01-voucher-posted-elsewhere');

  // 期间: closed elsewhere, the row says so.
  await page.getByRole('button', { name: '期间', exact: true }).click();
  const jan = page.getByTestId('period-2026-01');
  await jan.getByText('未结账').waitFor();
  await callOutside('periods.close', { period: '2026-01' });
  await jan.getByText('已结账').waitFor({ timeout: 10_000 });
  await e.shot('outside-02-period-closed-elsewhere');

  // 客户与员工: customers added elsewhere appear in the grid.
  await page.getByRole('button', { name: '客户与员工', exact: true }).click();
  const grid = page.getByTestId('masters-customers');
  await grid.waitFor();
  const first = await callOutside<{ id: number }>('customers.create', { name: '东方客户' });
  await callOutside('customers.create', { name: '西方客户' });
  // Pushed over SSE and refetched: seconds on a loaded CI machine running four browsers at once.
  await grid.getByText('西方客户').waitFor({ timeout: 30_000 });
  // Renamed to the other's name: refused, said beside the grid, and the cell shows the stored name, not the typed one.
  const cell = grid.locator(`[row-id="${first.id}"] [col-id="name"]`);
  await cell.dblclick();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.insertText('西方客户');
  await page.keyboard.press('Enter');
  await page.getByTestId('masters-note').getByText(/已存在/).waitFor();
  await expect.poll(() => cell.textContent()).toBe('东方客户');
  expect(e.harness.session.requireBook().sqlite.prepare(`SELECT name FROM customer WHERE id = ?`).pluck().get(first.id)).toBe('东方客户');
  await e.shot('outside-03-refused-cell-kept');
}, 180_000);
