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
import { defineReport } from './define';
import { message } from '../../../shared/messages/index';

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
        title: message(locale, 'report.entertainment.title'),
        columns: [
          { key: 'period', label: message(locale, 'report.entertainment.period'), kind: 'text' },
          { key: 'spendFen', label: message(locale, 'report.entertainment.spend'), kind: 'money' },
          { key: 'ytdSpendFen', label: message(locale, 'report.entertainment.ytdSpend'), kind: 'money' },
          { key: 'revenueFen', label: message(locale, 'report.entertainment.revenue'), kind: 'money' },
          { key: 'ytdRevenueFen', label: message(locale, 'report.entertainment.ytdRevenue'), kind: 'money' },
          { key: 'limitFen', label: message(locale, 'report.entertainment.limit'), kind: 'money' },
          { key: 'deductibleFen', label: message(locale, 'report.entertainment.deductible'), kind: 'money' },
          { key: 'adjustmentFen', label: message(locale, 'report.entertainment.adjustment'), kind: 'money' },
        ],
        rows: rows as unknown as ReportRow[],
        facts: { capFen: cap.capFen, level: cap.level },
        notes: [
          message(locale, 'report.entertainment.note'),
        ],
      },
    ];
  },
});
