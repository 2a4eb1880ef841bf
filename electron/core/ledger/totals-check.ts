/** `book check`: the trial balance's per-month totals must equal the posted lines they summarise. */
import { sql } from 'kysely';
import type { Book } from '../book/book';
import type { CheckFinding } from '../book/check';

export function checkLedgerTotals(book: Book): CheckFinding[] {
  const diffs = book.db.all(
    book.q
      .with('lines', (q) =>
        q
          .selectFrom('voucher_line')
          .select(['period', 'account_code', sql<number>`SUM(debit_fen)`.as('d'), sql<number>`SUM(credit_fen)`.as('c')])
          .where('posted', '=', sql.lit(1))
          .groupBy(['period', 'account_code']),
      )
      .selectFrom('lines as l')
      .fullJoin('ledger_total as t', (j) => j.onRef('t.period', '=', 'l.period').onRef('t.account_code', '=', 'l.account_code'))
      .select([sql<string>`COALESCE(l.period, t.period)`.as('period'), sql<string>`COALESCE(l.account_code, t.account_code)`.as('account')])
      .where(sql<boolean>`COALESCE(l.d, 0) <> COALESCE(t.debit_fen, 0) OR COALESCE(l.c, 0) <> COALESCE(t.credit_fen, 0)`)
      .limit(20),
  );
  return diffs.map((d) => ({ check: 'balance', message: `${d.period} ${d.account}: ledger totals differ from the posted lines` }));
}
