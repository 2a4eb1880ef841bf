/**
 * 结账检查: what stops a month from closing (blockers) and what the accountant should look at
 * first (warnings), each with its message code, parameters and the page that fixes it.
 * Blockers: an earlier month still open (periods close strictly in order), P&L not
 * transferred, per account and then per account × 辅助核算 dimensions (and, in December, 本年利润 not moved to 未分配利润), vouchers not posted
 * (anything but 'posted': drafts, and 'reviewed' once review exists), the trial balance or
 * the statutory balance sheet (statements/compute.ts: 资产总计 against 负债和所有者权益总计) out
 * of balance.
 * Warnings: claims with lines dated in the month still pending, schedules with an instalment
 * due this month not run, allocation rules without a run for the month.
 * Reads only: the trigger-kept totals, and one pass over the month's P&L lines in the
 * period index for the dimensions; cheap enough to run before every close.
 */
import { addMonths, period as toPeriod, type Period } from '../../../shared/period';
import type { MessageCode } from '../../../shared/messages/index';
import { sql } from 'kysely';
import type { Book } from '../book/book';
import { currentProfitBalance, plAccountsLeft, plGroupsLeft } from './balances';
import { exactFen } from '../reports/exact';
import { balanceSheet } from '../statements/compute';

export type CheckLink = 'periods' | 'vouchers' | 'ledger' | 'reports' | 'claims' | 'schedules' | 'allocation';

export interface CheckItem {
  code: MessageCode;
  params: Record<string, string | number>;
  link: CheckLink;
}

export interface CloseCheck {
  period: string;
  blockers: CheckItem[];
  warnings: CheckItem[];
}

/** The first month from the book's first period up to (not including) `p` that is not closed. */
export function firstOpenBefore(book: Book, p: Period): string | null {
  const first = book.meta('first_period');
  if (!first || first >= p) return null;
  const closed = new Set(book.db.all(book.q.selectFrom('period').select('period').where('status', '=', sql.lit('closed')).where('period', '<', p)).map((r) => r.period));
  for (let m = toPeriod(first); m < p; m = addMonths(m, 1)) if (!closed.has(m)) return m;
  return null;
}

/** Σ debit and Σ credit of every posted line through the month (the trial balance's totals), as SQLite's exact int64 (past 2^53 a double would call unequal sums equal). */
function ledgerTotals(book: Book, p: string): { debit: bigint; credit: bigint } {
  return book.db.firstExact(
    book.q
      .selectFrom('ledger_total')
      .select((eb) => [eb.fn.coalesce(eb.fn.sum<number>('debit_fen'), sql.lit(0)).as('debit'), eb.fn.coalesce(eb.fn.sum<number>('credit_fen'), sql.lit(0)).as('credit')])
      .where('period', '<=', p),
  )!;
}

/** Active schedules with this month in their plan and no entry for it. */
function schedulesNotRun(book: Book, p: Period): number {
  const rows = book.db.all(book.q.selectFrom('schedule').select(['id', 'first_period', 'periods']).where('active', '=', sql.lit(1)).where('first_period', '<=', p));
  // One lookup per active schedule (a few dozen): book.db keeps the statement prepared across them.
  const done = (id: number, no: number) => book.db.first(book.q.selectFrom('schedule_entry').select(sql.lit(1).as('x')).where('schedule_id', '=', id).where('period_no', '=', no));
  const idx = (s: string) => Number(s.slice(0, 4)) * 12 + Number(s.slice(5, 7));
  let n = 0;
  for (const r of rows) {
    const no = idx(p) - idx(r.first_period) + 1;
    if (no >= 1 && no <= r.periods && !done(r.id, no)) n++;
  }
  return n;
}

export function closeCheck(book: Book, period: string): CloseCheck {
  const p = toPeriod(period);
  const blockers: CheckItem[] = [];
  const warnings: CheckItem[] = [];
  const earlier = firstOpenBefore(book, p);
  if (earlier) blockers.push({ code: 'closing.earlierOpen', params: { period: p, earlier }, link: 'periods' });

  const pl = plAccountsLeft(book, p);
  const dims = pl.count === 0 ? plGroupsLeft(book, p) : null;
  if (pl.count > 0) {
    blockers.push({ code: 'closing.plNotTransferred', params: { period: p, count: pl.count, amount: -pl.balance }, link: 'periods' });
  } else if (dims && dims.groups > 0) {
    blockers.push({ code: 'closing.plDimensionsNotTransferred', params: { period: p, count: dims.accounts, groups: dims.groups }, link: 'periods' });
  } else if (p.endsWith('-12')) {
    const profit = currentProfitBalance(book, p);
    if (profit !== 0) blockers.push({ code: 'closing.profitNotCarried', params: { period: p, amount: -profit }, link: 'periods' });
  }

  const unposted = book.db.first(book.q.selectFrom('voucher').select(sql<number>`COUNT(*)`.as('n')).where('period', '=', p).where('status', '<>', sql.lit('posted')))!.n;
  if (unposted > 0) blockers.push({ code: 'ledger.draftsInPeriod', params: { period: p, count: unposted }, link: 'vouchers' });

  const b = ledgerTotals(book, p);
  if (b.debit !== b.credit) blockers.push({ code: 'closing.trialBalanceOff', params: { debit: exactFen(b.debit, 'closing'), credit: exactFen(b.credit, 'closing') }, link: 'ledger' });
  // With P&L still untransferred the balance sheet is off by exactly that: the blocker above says so already.
  else if (pl.count === 0) {
    const bs = balanceSheet(book, p);
    if (!bs.balanced) blockers.push({ code: 'closing.balanceSheetOff', params: { assets: bs.totals.assets[0], liabilitiesEquity: bs.totals.equityAndLiabilities[0] }, link: 'reports' });
  }

  const claims = book.db.first(
    book.q
      .selectFrom('claim as c')
      .innerJoin('claim_line as l', 'l.claim_id', 'c.id')
      .select(sql<number>`COUNT(DISTINCT c.id)`.as('n'))
      .where('c.status', '<>', sql.lit('paid'))
      .where('l.date', '>=', `${p}-01`)
      .where('l.date', '<=', `${p}-31`),
  )!.n;
  if (claims > 0) warnings.push({ code: 'closing.claimsPending', params: { count: claims }, link: 'claims' });
  const schedules = schedulesNotRun(book, p);
  if (schedules > 0) warnings.push({ code: 'closing.schedulesNotRun', params: { count: schedules }, link: 'schedules' });
  const rules = book.db.first(book.q.selectFrom('alloc_rule').select(sql.lit(1).as('x')).where('active', '=', sql.lit(1)).where('rule_set', '=', sql.lit('default')).limit(1));
  if (rules && !book.db.first(book.q.selectFrom('alloc_run').select(sql.lit(1).as('x')).where('period', '=', p).limit(1))) {
    warnings.push({ code: 'closing.allocationNotRun', params: { period: p }, link: 'allocation' });
  }
  return { period: p, blockers, warnings };
}
