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
import type { Side } from '../db/schema/account';
import type { Book } from '../book/book';
import { roleAccount, type Standard } from '../accounts/default-chart';
import { enterpriseBalanceSheet, enterpriseIncomeStatement } from './enterprise';
import { evaluate, type Amounts, type ChartFacts, type EvaluatedLine } from './evaluate';
import type { StatementLayout } from './layout';
import { smallBalanceSheet, smallIncomeStatement } from './small';
import { CLOSING_SOURCE } from '../closing/sql';
import { partSum, splitOnOverflow, sumSql } from '../reports/exact';

export const layouts: Record<Standard, { balanceSheet: StatementLayout; incomeStatement: StatementLayout }> = {
  small: { balanceSheet: smallBalanceSheet, incomeStatement: smallIncomeStatement },
  enterprise: { balanceSheet: enterpriseBalanceSheet, incomeStatement: enterpriseIncomeStatement },
};

export function chartFacts(book: Book): ChartFacts {
  const rows = book.sqlite.prepare(`SELECT code, name, normal_side AS side FROM account`).all() as { code: string; name: string; side: Side }[];
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
  const rows = splitOnOverflow(
    (split) =>
      book.sqlite
        .prepare(
          `SELECT account_code AS code, ${sumSql('debit_fen - credit_fen', 'e', split)}, ${sumSql('CASE WHEN period < @start THEN debit_fen - credit_fen ELSE 0 END', 'y', split)}
             FROM ledger_total WHERE period <= @to GROUP BY account_code`,
        )
        .safeIntegers(true)
        .all({ start: yearStart(to), to }) as Record<string, unknown>[],
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
  // Named bounds (@f0, @t0, …): a split sum repeats its expression.
  const cols = ranges.map((_, i) => sumSql(`CASE WHEN period BETWEEN @f${i} AND @t${i} THEN debit_fen - credit_fen ELSE 0 END`, `c${i}`, split)).join(', ');
  const where = ranges.map((_, i) => `(period BETWEEN @f${i} AND @t${i})`).join(' OR ');
  const args = Object.fromEntries(ranges.flatMap(([f, t], i) => [[`f${i}`, f], [`t${i}`, t]]));
  const totals = book.sqlite.prepare(`SELECT account_code AS code, ${cols} FROM ledger_total WHERE ${where} GROUP BY account_code`).safeIntegers(true).all(args) as Record<string, unknown>[];
  const profit = roleAccount(book.standard, 'currentYearProfit');
  // From the few closing vouchers to their lines (CROSS JOIN keeps that order: SQLite would
  // otherwise walk the ranges' million lines testing each one's voucher).
  const closing = book.sqlite
    .prepare(
      `SELECT l.account_code AS code, ${cols.replace(/period/g, 'l.period')}
         FROM (SELECT id FROM voucher WHERE source_type = '${CLOSING_SOURCE}'
               UNION SELECT voucher_id FROM voucher_line WHERE posted = 1 AND account_code = ? AND (${where})) c
        CROSS JOIN voucher_line l ON l.voucher_id = c.id
        WHERE l.posted = 1
        GROUP BY l.account_code`,
    )
    .safeIntegers(true)
    .all(profit, args) as Record<string, unknown>[];
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
