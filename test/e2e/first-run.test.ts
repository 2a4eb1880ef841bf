import { afterAll, beforeAll, expect, it } from 'vitest';
import { startE2E, type E2E } from './harness';

let e: E2E;
beforeAll(async () => {
  e = await startE2E();
});
afterAll(async () => {
  await e?.stop();
});

it('opens the demo company from the start page and guides the monthly round', async () => {
  const { page } = e;
  await page.getByRole('button', { name: '浏览示例账套' }).click();
  await page.getByRole('heading', { name: '示例科技（上海）有限公司' }).waitFor({ timeout: 90_000 });
  const list = page.getByRole('region', { name: '每月工作清单' });
  await list.getByText('导入客户经理的费用表').waitFor();
  // The demo has claims, approvals and allocation runs, but no opening balances import.
  expect(await list.locator('li.done').count()).toBe(3);
  await e.shot('10-home-demo-checklist');
  await list.getByText('分配间接费用').click();
  await page.getByRole('button', { name: '成本分配' }).and(page.locator('.active')).waitFor();
  await page.keyboard.press('F1');
  await page.locator('article.guide h1').first().waitFor();
  await e.shot('11-help');
  await page.keyboard.press('Control+h');
  await list.waitFor();
});
