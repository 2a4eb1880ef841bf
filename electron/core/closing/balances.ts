/**
 * The balances period end reads: P&L accounts (by type: revenue, expense — never by code
 * prefix) per account × dimensions through a month, and 本年利润. Only SQL on the posted
 * lines and the trigger-kept totals, so the check and the transfer share one definition.
 *
 * A month's P&L balance is its own lines, plus, for the accounts whose totals before it are
 * not zero (a book closed before 结转损益 existed), the older lines too; in a book kept with
 * it, only the month's lines are read.
 */
import type { Book } from '../book/book';

export interface PlGroup {
  account: string;
  customer_id: number | null;
  employee_id: number | null;
  department_id: number | null;
  category_id: number | null;
  bal: number;
}

export const PL_ACCOUNTS = `SELECT code FROM account WHERE type IN ('revenue', 'expense')`;

/** P&L balances through `period` that are not zero, per account × dimensions (debit-positive). */
export function plBalances(book: Book, period: string): PlGroup[] {
  const carried = book.sqlite
    .prepare(
      `SELECT account_code FROM ledger_total WHERE period < ? AND account_code IN (${PL_ACCOUNTS})
        GROUP BY account_code HAVING SUM(debit_fen) <> SUM(credit_fen)`,
    )
    .pluck()
    .all(period) as string[];
  return book.sqlite
    .prepare(
      `SELECT account_code AS account, customer_id, employee_id, department_id, category_id, SUM(debit_fen) - SUM(credit_fen) AS bal
         FROM voucher_line
        WHERE posted = 1 AND account_code IN (${PL_ACCOUNTS})
          AND (period = ? OR (period < ? AND account_code IN (SELECT value FROM json_each(?))))
        GROUP BY account_code, customer_id, employee_id, department_id, category_id
       HAVING bal <> 0
        ORDER BY account_code, customer_id, employee_id, department_id, category_id`,
    )
    .all(period, period, JSON.stringify(carried)) as PlGroup[];
}

/**
 * P&L accounts whose balance through `period` is not zero, from the trigger-kept totals (a
 * few rows per account and month): what the 结账检查 asks. A transfer clears every account ×
 * dimension line, so a cleared account is cleared per dimension too.
 */
export function plAccountsLeft(book: Book, period: string): { count: number; balance: number } {
  return book.sqlite
    .prepare(
      `SELECT COUNT(*) AS count, COALESCE(SUM(b), 0) AS balance FROM (
         SELECT SUM(debit_fen) - SUM(credit_fen) AS b FROM ledger_total
          WHERE period <= ? AND account_code IN (${PL_ACCOUNTS}) GROUP BY account_code HAVING b <> 0)`,
    )
    .get(period) as { count: number; balance: number };
}

/** 本年利润's balance through `period` (debit-positive: a loss is positive). */
export function currentProfitBalance(book: Book, period: string): number {
  const code = book.account('currentYearProfit');
  return (book.sqlite.prepare(`SELECT COALESCE(SUM(debit_fen - credit_fen), 0) FROM ledger_total WHERE period <= ? AND account_code = ?`).pluck().get(period, code) as number) ?? 0;
}

