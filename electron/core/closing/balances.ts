/**
 * The balances period end reads: P&L accounts (by type: revenue, expense — never by code
 * prefix) per account × dimensions through a month, and 本年利润. Only SQL on the posted
 * lines and the trigger-kept totals, so the check and the transfer share one definition.
 *
 * A month's P&L balance is its own lines, plus, for the accounts whose totals before it are
 * not zero (a book closed before 结转损益 existed), the older lines too; in a book kept with
 * it, only the month's lines are read.
 */
import { exactFen } from '../reports/exact';
import { sql, type ExpressionBuilder } from 'kysely';
import type { Book } from '../book/book';
import type { DB } from '../db/schema/index';

export interface PlGroup {
  account: string;
  customer_id: number | null;
  employee_id: number | null;
  department_id: number | null;
  category_id: number | null;
  bal: number;
}

export const PL_ACCOUNTS = `SELECT code FROM account WHERE type IN ('revenue', 'expense')`;

/** PL_ACCOUNTS for a Kysely where: `column` IN (the P&L accounts), the types literals as there. */
const isPlAccount = (eb: ExpressionBuilder<DB, 'ledger_total'>) =>
  eb('account_code', 'in', eb.selectFrom('account').select('code').where('type', 'in', [sql.lit('revenue' as const), sql.lit('expense' as const)]));

/*
 * Raw SQL on purpose, the groups below: they are one SQL text for the 结转损益's INSERT…SELECT
 * (ledger/vouchers.ts bookVoucherFromQuery takes the lines as SQL text and arguments), for the
 * 结账检查 and for plBalances, so the check and the transfer cannot drift apart; and they are the
 * measured month-end hot path (结转损益 + 结账检查 + close < 1 s on the 1 M-line book, README).
 */
/** A month's posted P&L lines summed per account × dimensions: one pass over the period index (migration 0830), in group order. */
const MONTH_GROUPS = `SELECT account_code AS account, customer_id, employee_id, department_id, category_id, SUM(debit_fen) - SUM(credit_fen) AS bal
   FROM voucher_line WHERE posted = 1 AND period = ? AND account_code IN (${PL_ACCOUNTS})
  GROUP BY account_code, customer_id, employee_id, department_id, category_id`;

/** The same for the carried accounts' earlier lines too (a book closed before 结转损益 existed): read by account. */
const CARRIED_GROUPS = `SELECT account, customer_id, employee_id, department_id, category_id, SUM(bal) AS bal FROM (
  ${MONTH_GROUPS}
  UNION ALL
  SELECT account_code, customer_id, employee_id, department_id, category_id, SUM(debit_fen) - SUM(credit_fen)
    FROM voucher_line WHERE posted = 1 AND period < ? AND account_code IN (SELECT value FROM json_each(?))
   GROUP BY account_code, customer_id, employee_id, department_id, category_id)
  GROUP BY account, customer_id, employee_id, department_id, category_id`;

/** The P&L accounts with a balance before `period` (from the totals): their earlier lines are still to move. */
function carriedAccounts(book: Book, period: string): string[] {
  return book.db
    .all(
      book.q
        .selectFrom('ledger_total')
        .select('account_code')
        .where('period', '<', period)
        .where(isPlAccount)
        .groupBy('account_code')
        .having((eb) => eb(eb.fn.sum('debit_fen'), '<>', eb.fn.sum('credit_fen'))),
    )
    .map((r) => r.account_code);
}

/** The SQL summing P&L per account × dimensions through `period`, and its arguments. */
function groupsQuery(book: Book, period: string): { sql: string; args: string[] } {
  const carried = carriedAccounts(book, period);
  return carried.length === 0 ? { sql: MONTH_GROUPS, args: [period] } : { sql: CARRIED_GROUPS, args: [period, period, JSON.stringify(carried)] };
}

/**
 * The 结转损益 voucher's lines as SQL (ledger/vouchers.ts bookVoucherFromQuery): each P&L
 * balance through `period` that is not zero, reversed on its account × dimensions, in
 * account × dimensions order, then 本年利润 for their net. Its arguments after `args`:
 * the lines' memo, 本年利润's code, its memo.
 */
export function plLinesQuery(book: Book, period: string): { sql: string; args: string[] } {
  const q = groupsQuery(book, period);
  // MATERIALIZED: the groups are read once, for the lines, their count and their net.
  const sql = `WITH g AS MATERIALIZED (SELECT * FROM (${q.sql}) WHERE bal <> 0)
    SELECT row_number() OVER (ORDER BY account, customer_id, employee_id, department_id, category_id) AS line_no, account AS account_code,
           CASE WHEN bal < 0 THEN -bal ELSE 0 END AS debit_fen, CASE WHEN bal > 0 THEN bal ELSE 0 END AS credit_fen, ? AS memo,
           customer_id, employee_id, department_id, category_id
      FROM g
    UNION ALL
    SELECT n + 1, ?, CASE WHEN net > 0 THEN net ELSE 0 END, CASE WHEN net < 0 THEN -net ELSE 0 END, ?, NULL, NULL, NULL, NULL
      FROM (SELECT COUNT(*) AS n, SUM(bal) AS net FROM g) WHERE net <> 0`;
  return { sql, args: q.args };
}

/** P&L balances through `period` that are not zero, per account × dimensions (debit-positive), in account × dimensions order. */
export function plBalances(book: Book, period: string): PlGroup[] {
  const q = groupsQuery(book, period);
  // Raw SQL on purpose: it wraps the P&L groups' SQL text (above), prepared once a call, not per group.
  return book.sqlite.prepare(`SELECT * FROM (${q.sql}) WHERE bal <> 0 ORDER BY account, customer_id, employee_id, department_id, category_id`).all(...q.args) as PlGroup[];
}

/**
 * What the 结账检查 asks after the accounts are clear: account × dimension combinations whose
 * P&L balance is not zero (a customer's revenue credited to another customer nets to zero
 * on the account, yet that customer's profit is not transferred). Counted, not listed.
 */
export function plGroupsLeft(book: Book, period: string): { accounts: number; groups: number } {
  const q = groupsQuery(book, period);
  // Raw SQL on purpose: it wraps the P&L groups' SQL text (above), prepared once a check.
  return book.sqlite.prepare(`SELECT COUNT(DISTINCT account) AS accounts, COUNT(*) AS groups FROM (${q.sql}) WHERE bal <> 0`).get(...q.args) as { accounts: number; groups: number };
}

/**
 * P&L accounts whose balance through `period` is not zero, from the trigger-kept totals (a
 * few rows per account and month): what the 结账检查 asks first. An account at zero may
 * still hold balances per dimension: plGroupsLeft asks that next.
 */
export function plAccountsLeft(book: Book, period: string): { count: number; balance: number } {
  const r = book.db.firstExact(
    book.q
      .selectFrom((eb) =>
        eb
          .selectFrom('ledger_total')
          .select(sql<number>`SUM(debit_fen) - SUM(credit_fen)`.as('b'))
          .where('period', '<=', period)
          .where(isPlAccount)
          .groupBy('account_code')
          .having(sql.ref('b'), '<>', sql.lit(0))
          .as('t'),
      )
      .select([sql<number>`COUNT(*)`.as('count'), sql<number>`COALESCE(SUM(b), 0)`.as('balance')]),
  )!;
  return { count: Number(r.count), balance: exactFen(r.balance, 'closing') };
}

/** 本年利润's balance through `period` (debit-positive: a loss is positive). */
export function currentProfitBalance(book: Book, period: string): number {
  const code = book.account('currentYearProfit');
  const r = book.db.firstExact(
    book.q
      .selectFrom('ledger_total')
      .select(sql<number>`COALESCE(SUM(debit_fen - credit_fen), 0)`.as('b'))
      .where('period', '<=', period)
      .where('account_code', '=', code),
  )!;
  return exactFen(r.b, 'closing');
}

