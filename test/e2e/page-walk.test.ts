/**
 * Every page as a user meets it: on the demo company and on an empty book, in Chinese and
 * in English, at 1360×860 and 1920×1080. Each page is screenshotted into test-results/walk/
 * (for people to look at) and checked for what a user would trip over: a page error, a
 * raw message code or English fallback in the Chinese UI, a grid drawn a few pixels high,
 * and text wider than the window.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createBookInUi, RESULTS, startE2E, type E2E } from './harness';
import { closeCheck } from '../../electron/core/closing/check';

let e: E2E;
beforeAll(async () => {
  e = await startE2E();
  mkdirSync(join(RESULTS, 'walk'), { recursive: true });
});
afterAll(async () => {
  await e?.stop();
});

const SIZES = [
  { width: 1360, height: 860 },
  { width: 1920, height: 1080 },
];

/** Walks the sidebar in the current language; returns the problems found, page by page. */
async function walk(book: string, lang: 'zh' | 'en'): Promise<string[]> {
  const { page } = e;
  const problems: string[] = [];
  const buttons = page.locator('nav.sidebar button');
  const n = await buttons.count();
  for (const size of SIZES) {
    await page.setViewportSize(size);
    for (let i = 0; i < n; i++) {
      const label = (await buttons.nth(i).innerText()).trim();
      await buttons.nth(i).click();
      await page.locator('.content h1').first().waitFor();
      // Let the page's first reads land (grids, charts) before looking.
      await page.waitForLoadState('networkidle').catch(() => {});
      await page.waitForTimeout(300);
      await e.shot(`walk/${book}-${lang}-${size.width}-${String(i).padStart(2, '0')}`);
      const found = await page.evaluate((zh) => {
        const out: string[] = [];
        const text = document.querySelector('.content')?.textContent ?? '';
        // A message code or string key shown as text (e.g. "claims.wrongRole", "nav.home").
        const code = /\b[a-z]+\.[a-z][A-Za-z]+(\.[a-zA-Z]+)?\b/.exec(text.replace(/\S+@\S+|\S+\.(xlsx|book|pdf|png|csv)\b/g, ''));
        if (code) out.push(`raw key "${code[0]}"`);
        if (zh && /No Rows To Show|Loading\.\.\.|Page \d+ of/.test(text)) out.push('ag-grid English in the Chinese UI');
        for (const g of document.querySelectorAll('.content .ag-root-wrapper')) {
          const h = g.getBoundingClientRect().height;
          if (h > 0 && h < 40) out.push(`grid ${Math.round(h)} px high`);
        }
        if (document.documentElement.scrollWidth > window.innerWidth + 1) out.push(`page ${document.documentElement.scrollWidth} px wide in a ${window.innerWidth} px window`);
        return out;
      }, lang === 'zh');
      problems.push(...found.map((f) => `${book}/${lang}/${size.width}/${label}: ${f}`));
    }
  }
  return problems;
}

it('walks every page of the demo and of an empty book, in both languages, at two window sizes', { timeout: 600_000 }, async () => {
  const { page } = e;
  await page.getByRole('button', { name: '浏览示例账套' }).click();
  await page.getByRole('heading', { name: '示例科技（上海）有限公司' }).waitFor({ timeout: 90_000 });
  // The cockpit on the demo: the open period after ten closed months, claims waiting, costs.
  const cockpit = page.getByTestId('cockpit');
  await cockpit.waitFor();
  await e.shot('walk/demo-home-cockpit');
  // The demo closes its early months: the open period is the first one after them.
  const periods = e.harness.session.requireBook().sqlite.prepare(`SELECT period, status FROM period ORDER BY period`).all() as { period: string; status: string }[];
  const shown = /(\d{4}-\d{2}) 未结账/.exec(await cockpit.getByTestId('cockpit-period').innerText())?.[1] ?? '';
  // The next period to close: not closed itself, and every earlier period is.
  expect(periods.some((p) => p.period === shown && p.status === 'closed')).toBe(false);
  expect(periods.filter((p) => p.period < shown).every((p) => p.status === 'closed')).toBe(true);
  const period = shown;
  // Its 结账检查, counted as the periods page's check counts it, with the link to 结账.
  const check = closeCheck(e.harness.session.requireBook(), shown);
  const closeText = await cockpit.getByTestId('cockpit-close-check').innerText();
  expect(closeText).toContain(check.blockers.length ? `结账检查：${check.blockers.length} 项阻碍结账` : '结账检查通过');
  if (check.warnings.length) expect(closeText).toContain(`另有 ${check.warnings.length} 项提醒`);
  await expect(cockpit.getByTestId('cockpit-period').getByRole('button', { name: '去结账 →' }).count()).resolves.toBe(1);
  const costs = await cockpit.getByTestId('cockpit-costs').innerText();
  expect(costs).toMatch(new RegExp(`${period} 客户管理费用\\s+[\\d,]+\\.\\d\\d`));
  expect(costs).toMatch(/上月（\d{4}-\d{2}）\s*[1-9][\d,]*\.\d\d/);
  await expect(cockpit.getByTestId('cockpit-claims').innerText()).resolves.toMatch(/部门经理审批：\d+ 张/);
  await expect(cockpit.getByTestId('cockpit-budgets').locator('li').count()).resolves.toBeGreaterThan(0);
  await cockpit.getByTestId('cockpit-claims').getByRole('button', { name: '去审批 →' }).click();
  await page.getByRole('heading', { name: '报销审批' }).waitFor();

  const problems: string[] = [];
  problems.push(...(await walk('demo', 'zh')));
  await page.getByTestId('toggle-language').click();
  await page.getByRole('button', { name: 'Home', exact: true }).waitFor();
  problems.push(...(await walk('demo', 'en')));
  await page.getByTestId('toggle-language').click();

  await page.getByRole('button', { name: '关闭账套' }).click();
  await createBookInUi(e, '空白测试有限公司');
  await page.getByRole('heading', { name: '空白测试有限公司' }).waitFor();
  problems.push(...(await walk('empty', 'zh')));
  await page.getByTestId('toggle-language').click();
  await page.getByRole('button', { name: 'Home', exact: true }).waitFor();
  problems.push(...(await walk('empty', 'en')));
  await page.getByTestId('toggle-language').click();
  expect(problems).toEqual([]);
});
