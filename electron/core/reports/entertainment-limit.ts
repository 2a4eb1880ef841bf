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
import { exactFen } from './exact';
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

/** Half up: n × num ÷ den for n ≥ 0, in BigInt: 2 × n × 60 passes 2^53 for sums a fen column admits. */
const share = (n: bigint, num: bigint, den: bigint) => (2n * n * num + den) / (2n * den);
const max0 = (n: bigint) => (n > 0n ? n : 0n);
const min = (a: bigint, b: bigint) => (a < b ? a : b);

/** The cap is "near" from this share of it (the budgets' warning level). */
export const NEAR_PCT = 80;

/** Σ(debit − credit) per month, read as BigInt (SQLite's exact int64 sums). */
function movements(book: Book, accounts: string[], from: string, to: string, sign: 1n | -1n): Map<string, bigint> {
  const rows = book.db.allExact(
    book.q
      .selectFrom('voucher_line as l')
      .innerJoin('voucher as v', 'v.id', 'l.voucher_id')
      .select(['l.period', sql<number>`SUM(l.debit_fen - l.credit_fen)`.as('n')])
      .where('l.posted', '=', sql.lit(1))
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
  const spend = movements(book, [book.account('entertainmentExpense')], yearStart, to, 1n);
  const revenue = movements(book, [book.account('mainRevenue'), book.account('otherRevenue')], yearStart, to, -1n);
  const rows: LimitRow[] = [];
  let year = '';
  let ytdSpend = 0n;
  let ytdRevenue = 0n;
  const fen = (v: bigint) => exactFen(v, 'entertainment');
  for (const p of periodRange(yearStart as Period, to as Period)) {
    if (p.slice(0, 4) !== year) [year, ytdSpend, ytdRevenue] = [p.slice(0, 4), 0n, 0n];
    const s = spend.get(p) ?? 0n;
    const r = revenue.get(p) ?? 0n;
    ytdSpend += s;
    ytdRevenue += r;
    if (p < from) continue;
    const limit = min(share(max0(ytdSpend), 60n, 100n), share(max0(ytdRevenue), 5n, 1000n));
    const deductible = min(max0(ytdSpend), limit);
    rows.push({ period: p, spendFen: fen(s), ytdSpendFen: fen(ytdSpend), revenueFen: fen(r), ytdRevenueFen: fen(ytdRevenue), limitFen: fen(limit), deductibleFen: fen(deductible), adjustmentFen: fen(ytdSpend - deductible) });
  }
  return rows;
}

/** How near 60% of the spend is to the 5‰ cap: ok, near (≥ 80% of it) or over. */
export function capLevel(r: LimitRow): { capFen: number; level: 'ok' | 'near' | 'over' } {
  const cap = share(max0(BigInt(r.ytdRevenueFen)), 5n, 1000n);
  const sixty = share(max0(BigInt(r.ytdSpendFen)), 60n, 100n);
  const level = sixty > cap ? 'over' : sixty * 100n >= cap * BigInt(NEAR_PCT) && sixty > 0n ? 'near' : 'ok';
  return { capFen: exactFen(cap, 'entertainment'), level };
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
