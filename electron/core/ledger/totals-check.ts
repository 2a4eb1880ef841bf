/** `book check`: the trial balance's per-month totals must equal the posted lines they summarise. */
import type { Book } from '../book/book';
import type { CheckFinding } from '../book/check';

export function checkLedgerTotals(book: Book): CheckFinding[] {
  const diffs = book.sqlite
    .prepare(
      `WITH lines AS (SELECT period, account_code, SUM(debit_fen) AS d, SUM(credit_fen) AS c FROM voucher_line WHERE posted = 1 GROUP BY period, account_code)
       SELECT COALESCE(l.period, t.period) AS period, COALESCE(l.account_code, t.account_code) AS account
         FROM lines l FULL OUTER JOIN ledger_total t ON t.period = l.period AND t.account_code = l.account_code
        WHERE COALESCE(l.d, 0) <> COALESCE(t.debit_fen, 0) OR COALESCE(l.c, 0) <> COALESCE(t.credit_fen, 0)
        LIMIT 20`,
    )
    .all() as { period: string; account: string }[];
  return diffs.map((d) => ({ check: 'balance', message: `${d.period} ${d.account}: ledger totals differ from the posted lines` }));
}
