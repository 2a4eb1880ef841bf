/**
 * One data path, no polling (issue 17), in Chromium against the web harness: an import's
 * progress bar moves on pushed job events (the channels that were polled are gone, and no
 * channel is asked more than a couple of times while the import runs); an export job
 * completes into a download; a write made outside the page (another window's request)
 * shows in the page that is open, without a reload or a navigation; and a dead engine is
 * restarted with the book reopened, said in one message.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createBookInUi, startE2E, type E2E } from './harness';
import { writeXlsx } from '../support/xlsx';

let e: E2E;
beforeAll(async () => {
  e = await startE2E();
});
afterAll(async () => {
  await e?.stop();
});

/** A request as another window of the app makes it: through the harness with the token, not through this page. */
async function callOutside(channel: string, payload: unknown): Promise<unknown> {
  const res = await fetch(new URL(`/api/${channel}`, e.harness.url), {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-client-ledger-token': e.harness.token },
    body: JSON.stringify(payload),
  });
  return res.json();
}

it('follows an import and an export by push events, refreshes on outside writes, and survives an engine restart', async () => {
  const { page } = e;
  await createBookInUi(e, '推送测试有限公司', '2026-01');
  await page.getByRole('button', { name: '导入', exact: true }).click();
  await page.getByTestId('import-page').waitFor();

  // A sheet big enough to run for a few seconds in the job worker.
  const ROWS = 6000;
  const rows = Array.from({ length: ROWS }, (_, i) => [`2026-01-${String((i % 28) + 1).padStart(2, '0')}`, `员工${i % 11}`, i % 2 ? '差旅' : '餐费', `${(i % 900) + 1}.5`]);
  const file = await writeXlsx([{ name: '报销', rows: [['日期', '报销人', '类别', '金额'], ...rows] }], 'push.xlsx');
  const chooser = page.waitForEvent('filechooser');
  await page.getByTestId('import-pick').click();
  await (await chooser).setFiles(file);
  await page.getByTestId('import-preview').waitFor();
  // The eleven claimants are new: the import waits until the user confirms them (issue 14).
  await page.getByTestId('import-confirm-masters').check({ timeout: 60_000 });

  const asked: string[] = [];
  const onRequest = (r: { url(): string }) => {
    const m = /\/api\/([\w.]+)/.exec(r.url());
    if (m) asked.push(m[1]!);
  };
  page.on('request', onRequest);
  await page.getByTestId('import-run').click();
  // The bar's label counts rows read: it can only move by job.progress events.
  await expect.poll(async () => Number(/(\d+) 行/.exec((await page.getByTestId('import-progress').textContent()) ?? '')?.[1] ?? 0), { timeout: 60_000 }).toBeGreaterThan(0);
  await page.getByTestId('import-result').waitFor({ timeout: 120_000 });
  page.off('request', onRequest);
  await expect(page.getByTestId('count-accepted').locator('.n').textContent()).resolves.toBe(ROWS.toLocaleString('en-US'));
  expect(asked.filter((c) => c === 'import.status' || c === 'reports.progress')).toEqual([]);
  expect(asked).toContain('import.start');
  const perChannel = new Map<string, number>();
  for (const c of asked) perChannel.set(c, (perChannel.get(c) ?? 0) + 1);
  // book.changed refreshes the batch list once; nothing is asked over and over while the job runs.
  for (const [c, n] of perChannel) expect(n, c).toBeLessThanOrEqual(2);
  await page.getByTestId('batch-1').waitFor();

  // Reports: an export is a job too; it ends in a download and its notice.
  await page.getByRole('button', { name: '报表', exact: true }).click();
  await page.getByTestId('report-body').waitFor();
  const asking: string[] = [];
  const onAsk = (r: { url(): string }) => {
    const m = /\/api\/([\w.]+)/.exec(r.url());
    if (m) asking.push(m[1]!);
  };
  page.on('request', onAsk);
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '导出 Excel', exact: true }).click()]);
  expect(await download.path()).toBeTruthy();
  await page.getByText(/已导出 \d+ 行到/).waitFor();
  page.off('request', onAsk);
  expect(asking.filter((c) => c === 'reports.export')).toHaveLength(1);
  expect(asking.filter((c) => c === 'reports.progress' || c === 'import.status')).toEqual([]);

  // Another window adds a customer: the open report's customer filter lists it, no reload, no navigation.
  const customer = page.getByLabel('客户', { exact: true });
  await expect(customer.locator('option', { hasText: '推送新客户' }).count()).resolves.toBe(0);
  const created = (await callOutside('customers.create', { name: '推送新客户', tier: 'A' })) as { ok: boolean };
  expect(created.ok).toBe(true);
  await customer.locator('option', { hasText: '推送新客户' }).waitFor({ state: 'attached', timeout: 10_000 });

  // The page's cache is push-driven: leaving for another page and coming back reads the cache, which the write made stale.
  await page.getByRole('button', { name: '客户与员工', exact: true }).click();
  await callOutside('customers.create', { name: '再一个客户', tier: 'B' });
  await page.getByRole('button', { name: '报表', exact: true }).click();
  await customer.locator('option', { hasText: '再一个客户' }).waitFor({ state: 'attached', timeout: 10_000 });

  // The engine dies: one message, the book is open again, the page keeps working.
  await e.harness.engine.worker.terminate();
  const toast = page.getByTestId('toasts').getByText('后台引擎意外中止');
  await toast.waitFor({ timeout: 20_000 });
  await expect(toast.count()).resolves.toBe(1);
  await expect.poll(async () => ((await callOutside('book.settings', {})) as { ok: boolean }).ok, { timeout: 20_000 }).toBe(true);
  await callOutside('customers.create', { name: '重启后客户', tier: 'A' });
  await customer.locator('option', { hasText: '重启后客户' }).waitFor({ state: 'attached', timeout: 10_000 });
  await e.shot('push-01-after-restart');
}, 240_000);
