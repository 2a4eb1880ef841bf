import { readFileSync } from 'node:fs';
import { join } from 'node:path';
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

it('opens a workbook dropped anywhere in the import wizard', async () => {
  const { page } = e;
  await page.getByRole('button', { name: '首页', exact: true }).click();
  const bytes = readFileSync(join(import.meta.dirname, '../fixtures/samples/sample_cn_titled.xlsx')).toString('base64');
  await page.evaluate((b64) => {
    const data = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
    const transfer = new DataTransfer();
    transfer.items.add(new File([data], '十月报销.xlsx', { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' }));
    document.querySelector('.content')!.dispatchEvent(new DragEvent('drop', { dataTransfer: transfer, bubbles: true, cancelable: true }));
  }, bytes);
  await page.getByText('十月报销.xlsx').first().waitFor();
  await page.getByRole('heading', { name: '导入 Excel' }).waitFor();
  await e.shot('12-dropped-workbook');
});

it('remembers the chosen report across a restart of the window', async () => {
  const { page } = e;
  await page.getByRole('button', { name: '报表', exact: true }).click();
  await page.getByLabel('报表', { exact: true }).selectOption('trial-balance');
  // A new window (sessionStorage is per window; what we remember must outlive it).
  const next = await page.context().newPage();
  await next.goto(e.harness.url);
  await next.getByRole('button', { name: '报表', exact: true }).click();
  await next.waitForFunction(() => (document.querySelector('select[aria-label="报表"]') as HTMLSelectElement | null)?.value === 'trial-balance', undefined, { timeout: 10_000 });
  await next.close();
});
