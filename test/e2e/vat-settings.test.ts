/** 账套设置 (taxpayer type and rates) and the 业务招待费 cap on the budget page, on the demo company in Chromium. */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startE2E, type E2E } from './harness';

let e: E2E;
beforeAll(async () => {
  e = await startE2E();
});
afterAll(async () => {
  await e?.stop();
});

it('shows the entertainment cap on the budget page and switches the book to a small-scale taxpayer', async () => {
  const { page } = e;
  await page.getByRole('button', { name: '浏览示例账套' }).click();
  await page.getByRole('heading', { name: '示例科技（上海）有限公司' }).waitFor({ timeout: 90_000 });
  await page.getByRole('button', { name: '预算', exact: true }).click();
  const cap = page.getByTestId('entertainment-limit');
  await cap.waitFor();
  expect(await cap.textContent()).toMatch(/业务招待费.*纳税调增/);
  expect(['ok', 'near', 'over']).toContain(await cap.getAttribute('data-level'));
  await e.shot('vat-01-budget-entertainment');

  await page.getByRole('button', { name: '账套设置', exact: true }).click();
  await page.getByTestId('settings-taxpayer-general').and(page.locator(':checked')).waitFor();
  await page.getByTestId('settings-taxpayer-small').check();
  await page.getByTestId('settings-small-rate').selectOption('1');
  await page.getByTestId('settings-save').click();
  await page.getByText('已保存').waitFor();
  await e.shot('vat-02-settings-small');
  await page.getByRole('button', { name: '首页', exact: true }).click();
  await page.getByRole('button', { name: '账套设置', exact: true }).click();
  await page.getByTestId('settings-taxpayer-small').and(page.locator(':checked')).waitFor();
  expect(await page.getByTestId('settings-small-rate').inputValue()).toBe('1');
});
