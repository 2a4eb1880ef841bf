/**
 * One page's render error does not blank the window: the page shows what went wrong in
 * its place, the navigation and the other pages keep working, and going back to the page
 * starts it afresh. The error is provoked by answering periods.list with a reply of the
 * wrong shape (the page maps over it while rendering).
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

it('keeps the window when a page fails to render', async () => {
  const { page } = e;
  await createBookInUi(e, '韧性测试有限公司');
  await page.getByText('账套检查通过').waitFor();

  await page.route('**/api/periods.list', (route) => route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify({ ok: true, data: { not: 'a list' } }) }));
  await page.getByRole('button', { name: '期间', exact: true }).click();
  const failed = page.getByTestId('page-error');
  await failed.waitFor();
  await expect(failed.textContent()).resolves.toContain('这个页面出错了');
  await e.shot('resilience-page-error');
  // The frame is still there: the company name, the navigation, another page.
  await expect(page.locator('.topbar .company').textContent()).resolves.toBe('韧性测试有限公司');
  await page.getByRole('button', { name: '首页', exact: true }).click();
  await page.getByText('账套检查通过').waitFor();
  expect(await failed.count()).toBe(0);

  // With a sound reply the page works again when reopened.
  await page.unroute('**/api/periods.list');
  await page.getByRole('button', { name: '期间', exact: true }).click();
  await page.getByRole('button', { name: /结账/ }).first().waitFor();
  expect(await failed.count()).toBe(0);
});
