/**
 * Reads the amounts the statements need and evaluates the book's standard's layouts.
 * Balances and movements come from ledger_total (per period and account, kept by
 * triggers), so a statement reads a few thousand rows whatever the size of the book.
 * The income statement leaves out closing entries, so a month reads the same before and
 * after its 结转损益: the vouchers closing/sql.ts marks as closing (and their reversals), and
 * any voucher with a line on 本年利润 (3103 / 4103), which only closing entries post to —
 * a transfer keyed in by hand is a closing entry too.
 */
import { addMonths, period } from '../../../shared/period';
import { sql, type ExpressionBuilder } from 'kysely';
import type { Side } from '../db/schema/account';
import type { DB } from '../db/schema/index';
import type { Book } from '../book/book';
import { roleAccount, type Standard } from '../accounts/default-chart';
import { enterpriseBalanceSheet, enterpriseIncomeStatement } from './enterprise';
import { evaluate, type Amounts, type ChartFacts, type EvaluatedLine } from './evaluate';
import type { StatementLayout } from './layout';
import { smallBalanceSheet, smallIncomeStatement } from './small';
import { CLOSING_SOURCE } from '../closing/sql';
import { partSum, splitOnOverflow, sumExact } from '../reports/exact';

export const layouts: Record<Standard, { balanceSheet: StatementLayout; incomeStatement: StatementLayout }> = {
  small: { balanceSheet: smallBalanceSheet, incomeStatement: smallIncomeStatement },
  enterprise: { balanceSheet: enterpriseBalanceSheet, incomeStatement: enterpriseIncomeStatement },
};

export function chartFacts(book: Book): ChartFacts {
  const rows: { code: string; name: string; side: Side }[] = book.db.all(book.q.selectFrom('account').select(['code', 'name', 'normal_side as side']));
  const by = new Map(rows.map((r) => [r.code, r]));
  return { side: (code) => by.get(code)?.side ?? 'debit', name: (code) => by.get(code)?.name };
}

const yearStart = (p: string): string => `${p.slice(0, 4)}-01`;

export interface BalanceSheet {
  layout: StatementLayout;
  lines: EvaluatedLine[];
  /** [期末, 年初] of 资产总计 and of 负债和所有者权益总计. */
  totals: { assets: [number, number]; equityAndLiabilities: [number, number] };
  balanced: boolean;
}

/** 期末余额 at the end of `to`, 年初余额 at the start of its year. */
export function balanceSheet(book: Book, to: string): BalanceSheet {
  const layout = layouts[book.standard].balanceSheet;
  // Exact sums (reports/exact.ts splitOnOverflow): a ledger_total row's debit − credit stays inside int64, the sum of many may not.
  const rows: Record<string, unknown>[] = splitOnOverflow((split) =>
    book.db.allExact(
      book.q
        .selectFrom('ledger_total')
        .select('account_code as code')
        .select([...sumExact(sql<number>`debit_fen - credit_fen`, 'e', split), ...sumExact(sql<number>`CASE WHEN period < ${yearStart(to)} THEN debit_fen - credit_fen ELSE 0 END`, 'y', split)])
        .where('period', '<=', to)
        .groupBy('account_code'),
    ),
  );
  const end: Amounts = new Map(rows.map((r) => [r.code as string, partSum(r, 'e')]));
  const start: Amounts = new Map(rows.map((r) => [r.code as string, partSum(r, 'y')]));
  const lines = evaluate(layout, [end, start], chartFacts(book));
  const [left, right] = layout.balance!;
  const at = (n: number) => lines.find((l) => l.def.line === n)!.values as [number, number];
  const assets = at(left);
  const equityAndLiabilities = at(right);
  return { layout, lines, totals: { assets, equityAndLiabilities }, balanced: assets[0] === equityAndLiabilities[0] && assets[1] === equityAndLiabilities[1] };
}

/** Net movement (debit − credit) per account over each range, closing entries left out. */
export function movements(book: Book, ranges: [string, string][]): Amounts[] {
  return splitOnOverflow((split) => movementsOnce(book, ranges, split));
}

function movementsOnce(book: Book, ranges: [string, string][], split: boolean): Amounts[] {
  // One exact sum per range, of `period` or `l.period` (a split sum repeats its expression, and so its bounds).
  const cols = (period: string) => ranges.flatMap(([f, t], i) => sumExact(sql<number>`CASE WHEN ${sql.ref(period)} BETWEEN ${f} AND ${t} THEN debit_fen - credit_fen ELSE 0 END`, `c${i}`, split));
  const inRanges = <E extends ExpressionBuilder<DB, 'ledger_total' | 'voucher_line'>>(eb: E) => eb.or(ranges.map(([f, t]) => eb.between('period', f, t)));
  const totals: Record<string, unknown>[] = book.db.allExact(book.q.selectFrom('ledger_total').select('account_code as code').select(cols('period')).where(inRanges).groupBy('account_code'));
  const profit = roleAccount(book.standard, 'currentYearProfit');
  // From the few closing vouchers to their lines (CROSS JOIN keeps that order: SQLite would
  // otherwise walk the ranges' million lines testing each one's voucher). Literals as before:
  // posted = 1 against the partial indexes' WHERE (a bound value makes SQLite re-prepare at every call).
  const closing: Record<string, unknown>[] = book.db.allExact(
    book.q
      .selectFrom((eb) =>
        eb
          .selectFrom('voucher')
          .select('id')
          .where('source_type', '=', sql.lit(CLOSING_SOURCE))
          .union(eb.selectFrom('voucher_line').select('voucher_id as id').where('posted', '=', sql.lit(1)).where('account_code', '=', profit).where(inRanges))
          .as('c'),
      )
      .crossJoin('voucher_line as l')
      .select('l.account_code as code')
      .select(cols('l.period'))
      .whereRef('l.voucher_id', '=', 'c.id')
      .where('l.posted', '=', sql.lit(1))
      .groupBy('l.account_code'),
  );
  return ranges.map((_, i) => {
    const m: Amounts = new Map(totals.map((r) => [r.code as string, partSum(r, `c${i}`)]));
    for (const r of closing) m.set(r.code as string, (m.get(r.code as string) ?? 0n) - partSum(r, `c${i}`));
    return m;
  });
}

export interface IncomeStatement {
  layout: StatementLayout;
  lines: EvaluatedLine[];
  /** small: [本月, 本年累计]; enterprise: [本期, 上期] (the same months a year earlier). */
  columns: ['periodFen', 'ytdFen'] | ['periodFen', 'priorFen'];
}

export function incomeStatement(book: Book, from: string, to: string): IncomeStatement {
  const layout = layouts[book.standard].incomeStatement;
  const small = book.standard === 'small';
  const second: [string, string] = small ? [yearStart(to), to] : [addMonths(period(from), -12), addMonths(period(to), -12)];
  const lines = evaluate(layout, movements(book, [[from, to], second]), chartFacts(book));
  return { layout, lines, columns: small ? ['periodFen', 'ytdFen'] : ['periodFen', 'priorFen'] };
}
