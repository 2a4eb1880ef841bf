/**
 * 业务招待费 against its income-tax limit (docs/domain.md: VAT on expense claims; 企业所得税法
 * 实施条例 第四十三条): deductible is 60% of the spend, at most 5‰ of the year's 营业收入
 * (主营业务收入 + 其他业务收入); the rest is a 纳税调增 figure, a report and not a posting.
 * By month, year to date within each month's calendar year: spend and revenue are the
 * posted movements of 业务招待费 (and its sub-accounts) and of the two revenue accounts,
 * closing vouchers (结转损益) left out. Fen, half up (60% and 5‰ of an integer).
 * The last month's facts say how near the spend is to the cap: `level` near from 80% of it.
 */
import { periodRange, type Period } from '../../../shared/period';
import type { ReportRow } from '../../../shared/report';
import type { Book } from '../book/book';
import { sql } from 'kysely';
import { CLOSING_SOURCE } from '../closing/sql';
import { defineReport, L } from './define';

export interface LimitRow {
  period: string;
  spendFen: number;
  ytdSpendFen: number;
  revenueFen: number;
  ytdRevenueFen: number;
  limitFen: number;
  deductibleFen: number;
  adjustmentFen: number;
}

/** Half up: n × num ÷ den for n ≥ 0. */
const share = (n: number, num: number, den: number) => Math.floor((2 * n * num + den) / (2 * den));

/** The cap is "near" from this share of it (the budgets' warning level). */
export const NEAR_PCT = 80;

function movements(book: Book, accounts: string[], from: string, to: string, sign: 1 | -1): Map<string, number> {
  const rows = book.db.all(
    book.q
      .selectFrom('voucher_line as l')
      .innerJoin('voucher as v', 'v.id', 'l.voucher_id')
      .select(['l.period', sql<number>`SUM(l.debit_fen - l.credit_fen)`.as('n')])
      .where('l.posted', '=', 1)
      .where('l.period', '>=', from)
      .where('l.period', '<=', to)
      .where((eb) => eb.or(accounts.map((a) => eb('l.account_code', 'like', `${a}%`))))
      .where(sql<string>`COALESCE(v.source_type, '')`, '<>', CLOSING_SOURCE)
      .groupBy('l.period'),
  );
  return new Map(rows.map((r) => [r.period, sign * r.n]));
}

export function entertainmentLimit(book: Book, from: string, to: string): LimitRow[] {
  const yearStart = `${from.slice(0, 4)}-01`;
  const spend = movements(book, [book.account('entertainmentExpense')], yearStart, to, 1);
  const revenue = movements(book, [book.account('mainRevenue'), book.account('otherRevenue')], yearStart, to, -1);
  const rows: LimitRow[] = [];
  let year = '';
  let ytdSpend = 0;
  let ytdRevenue = 0;
  for (const p of periodRange(yearStart as Period, to as Period)) {
    if (p.slice(0, 4) !== year) [year, ytdSpend, ytdRevenue] = [p.slice(0, 4), 0, 0];
    const s = spend.get(p) ?? 0;
    const r = revenue.get(p) ?? 0;
    ytdSpend += s;
    ytdRevenue += r;
    if (p < from) continue;
    const limit = Math.min(share(Math.max(ytdSpend, 0), 60, 100), share(Math.max(ytdRevenue, 0), 5, 1000));
    const deductible = Math.min(Math.max(ytdSpend, 0), limit);
    rows.push({ period: p, spendFen: s, ytdSpendFen: ytdSpend, revenueFen: r, ytdRevenueFen: ytdRevenue, limitFen: limit, deductibleFen: deductible, adjustmentFen: ytdSpend - deductible });
  }
  return rows;
}

/** How near 60% of the spend is to the 5‰ cap: ok, near (≥ 80% of it) or over. */
export function capLevel(r: LimitRow): { capFen: number; level: 'ok' | 'near' | 'over' } {
  const capFen = share(Math.max(r.ytdRevenueFen, 0), 5, 1000);
  const sixty = share(Math.max(r.ytdSpendFen, 0), 60, 100);
  const level = sixty > capFen ? 'over' : sixty * 100 >= capFen * NEAR_PCT && sixty > 0 ? 'near' : 'ok';
  return { capFen, level };
}

export const entertainmentLimitReport = defineReport({
  name: 'entertainment-limit',
  title: { 'zh-CN': '业务招待费扣除限额', en: 'Entertainment deduction limit' },
  run(book, { from, to, locale }) {
    const rows = entertainmentLimit(book, from, to);
    const last = rows.at(-1);
    const cap = last ? capLevel(last) : { capFen: 0, level: 'ok' as const };
    return [
      {
        name: 'entertainment-limit',
        title: L(locale, '业务招待费扣除限额（本年累计）', 'Entertainment deduction limit (year to date)'),
        columns: [
          { key: 'period', label: L(locale, '期间', 'Period'), kind: 'text' },
          { key: 'spendFen', label: L(locale, '本月业务招待费', 'Entertainment, month'), kind: 'money' },
          { key: 'ytdSpendFen', label: L(locale, '本年累计业务招待费', 'Entertainment, YTD'), kind: 'money' },
          { key: 'revenueFen', label: L(locale, '本月营业收入', 'Revenue, month'), kind: 'money' },
          { key: 'ytdRevenueFen', label: L(locale, '本年累计营业收入', 'Revenue, YTD'), kind: 'money' },
          { key: 'limitFen', label: L(locale, '扣除限额', 'Limit'), kind: 'money' },
          { key: 'deductibleFen', label: L(locale, '可扣除金额', 'Deductible'), kind: 'money' },
          { key: 'adjustmentFen', label: L(locale, '纳税调增', 'Tax adjustment (add back)'), kind: 'money' },
        ],
        rows: rows as unknown as ReportRow[],
        facts: { capFen: cap.capFen, level: cap.level },
        notes: [
          L(
            locale,
            '扣除限额 = min(本年累计业务招待费 × 60%, 本年累计营业收入 × 5‰)；超出部分为企业所得税纳税调增额（企业所得税法实施条例第四十三条），不作会计分录。',
            'Limit = min(60% of the year-to-date spend, 5‰ of year-to-date revenue); the excess is added back for income tax (企业所得税法实施条例 art. 43), not posted.',
          ),
        ],
      },
    ];
  },
});
