/**
 * 结转损益: one voucher moves every profit-and-loss account's balance to 本年利润, one line
 * per account × dimension combination (customer, employee, department, category kept), so
 * the month's P&L accounts stand at zero. Running it again reads the balance again, closing
 * vouchers included, and posts only what new P&L entries added (nothing when none did).
 * In the fiscal year's last month (December: the calendar year, as the standards prescribe)
 * a second voucher moves 本年利润 to 利润分配-未分配利润, so the next year opens with both at zero.
 *
 * P&L accounts are chosen by type (revenue, expense), not by code prefix (balances.ts).
 * Closing vouchers carry source_type 'closing' (CLOSING_SOURCE), which management reports
 * leave out (closing/sql.ts). Runs inside book.tx.
 */
import { lastDay, period as toPeriod } from '../../../shared/period';
import type { Book } from '../book/book';
import { accountFacts, type AccountFacts, type LineInput } from '../ledger/voucher-rules';
import { bookVoucher, bookVoucherFromQuery } from '../ledger/vouchers';
import { CLOSING_SOURCE, CLOSING_KIND } from './sql';
import { currentProfitBalance, plLinesQuery } from './balances';

export interface TransferResult {
  /** The 结转损益 voucher's 凭证字号 as posted (记-0042: its 字 and number within 字 and month), or null when nothing new was transferred. */
  voucherNo: string | null;
  /** Lines posted by this run (both vouchers in December). */
  lines: number;
  vouchers: { id: number; no: string; kind: 'pl' | 'profit' }[];
}

/** The facts the year-end lines are checked with: 本年利润 or 未分配利润 may since have been deactivated; moving their balance must still work (the monthly lines: bookVoucherFromQuery). */
function closingFacts(book: Book, codes: Iterable<string>): Map<string, AccountFacts> {
  const facts = accountFacts(book);
  for (const c of new Set(codes)) {
    const a = facts.get(c);
    if (a) facts.set(c, { ...a, active: true, dims: [] });
  }
  return facts;
}

const side = (fen: number): Pick<LineInput, 'debitFen' | 'creditFen'> => (fen > 0 ? { debitFen: fen } : { creditFen: -fen });

/**
 * A month of a big book closes with one line per account × customer × employee (some 18,000
 * on the 1,000,000-line benchmark book); posting them adds as many entries to the posted-line
 * indexes, scattered by customer. SQLite's default 2 MB page cache makes that thrash, so the
 * transfer runs with 64 MB, as the import does with its own (import/run.ts), and puts it back.
 */
export function transferPl(book: Book, period: string): TransferResult {
  const before = book.sqlite.pragma('cache_size', { simple: true }) as number;
  book.sqlite.pragma('cache_size = -65536');
  try {
    return transfer(book, period);
  } finally {
    book.sqlite.pragma(`cache_size = ${before}`);
  }
}

function transfer(book: Book, period: string): TransferResult {
  const p = toPeriod(period);
  const date = lastDay(p);
  const profit = book.account('currentYearProfit');
  const result: TransferResult = { voucherNo: null, lines: 0, vouchers: [] };
  const memo = `结转损益 ${p}`;
  const q = plLinesQuery(book, p);
  const v = bookVoucherFromQuery(book, { date, memo, source: { type: CLOSING_SOURCE, id: CLOSING_KIND.pl } }, q.sql, [...q.args, memo, profit, memo]);
  if (v) {
    result.voucherNo = v.no;
    result.lines += v.lines;
    result.vouchers.push({ id: v.id, no: v.no, kind: 'pl' });
  }
  if (p.endsWith('-12')) {
    const bal = currentProfitBalance(book, p);
    if (bal !== 0) {
      const target = book.account('undistributedProfit'); // every book has it: seeded, or added by migration 0820
      const memo = `结转本年利润 ${p.slice(0, 4)}`;
      const lines: LineInput[] = [
        { account: profit, ...side(-bal), memo },
        { account: target, ...side(bal), memo },
      ];
      const v = bookVoucher(book, { date, memo, lines, source: { type: CLOSING_SOURCE, id: CLOSING_KIND.profit } }, closingFacts(book, [profit, target]));
      result.voucherNo ??= v.no;
      result.lines += lines.length;
      result.vouchers.push({ id: v.id, no: v.no, kind: 'profit' });
    }
  }
  if (result.vouchers.length > 0) {
    book.audit({ action: 'period.transferPl', entity: 'period', entityId: p, after: { vouchers: result.vouchers.map((v) => v.id), lines: result.lines } });
  }
  return result;
}
