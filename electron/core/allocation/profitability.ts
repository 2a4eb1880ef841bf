/**
 * Customer profitability (docs/domain.md: Customer profitability) over a period range:
 * revenue − direct cost − allocated overhead = profit, margin, rank, classes, the whale
 * curve; and per account manager (customer.manager_id) expense, revenue, growth against
 * the previous range of equal length, retention and revenue per yuan of expense.
 * Revenue = posted lines on revenue accounts carrying the customer (credit − debit); direct
 * cost = posted lines on expense / cost accounts carrying it (debit − credit), except the
 * lines of allocation reclass vouchers, which are overhead and counted through the runs.
 * Allocated overhead = the customer's lines in each period's current run.
 */
import { addMonths, period as toPeriod, periodRange } from '../../../shared/period';
import type { Book } from '../book/book';
import type { CustomerProfit, Figures, ManagerRoi, ProfitClass } from '../../../shared/contract/allocation';
import { NOT_RECLASS } from './inputs';
import { notClosing } from '../closing/sql';
import { isRevenueAccount } from './revenue';
import { clientExpenseAccounts } from '../reports/expenses/facts';
import { exactFen, sumFen } from '../reports/exact';
import { sql } from 'kysely';

/** The share of total positive profit the 'high' class covers (the usual Pareto cut). */
export const HIGH_SHARE_PERCENT = 80;

export function customerFigures(book: Book, from: string, to: string): Map<number, Figures & { clientCostFen?: number }> {
  const types = new Map(book.db.all(book.q.selectFrom('account').select(['code', 'type'])).map((a) => [a.code, a.type]));
  const client = new Set(clientExpenseAccounts(book));
  // Summed as BigInt from SQLite's exact int64 sums (safeIntegers), stated as numbers only when exact (reports/exact.ts).
  type Big = { revenueFen: bigint; directCostFen: bigint; allocatedFen: bigint; clientCostFen: bigint };
  const big = new Map<number, Big>();
  const get = (id: number) => {
    let f = big.get(id);
    if (!f) big.set(id, (f = { revenueFen: 0n, directCostFen: 0n, allocatedFen: 0n, clientCostFen: 0n }));
    return f;
  };
  const lines = book.db.allExact(
    book.q
      .selectFrom('voucher_line')
      .select((eb) => ['customer_id as id', 'account_code as account', eb.fn.sum<number>('debit_fen').as('d'), eb.fn.sum<number>('credit_fen').as('c')])
      .where('posted', '=', sql.lit(1))
      .where('customer_id', 'is not', null)
      .$narrowType<{ id: number }>()
      .where((eb) => eb.between('period', from, to))
      .where(sql<boolean>`${sql.raw(NOT_RECLASS)}`)
      .where(sql<boolean>`${sql.raw(notClosing())}`)
      .groupBy(['customer_id', 'account_code']),
  );
  for (const l of lines) {
    const type = types.get(l.account);
    const id = Number(l.id);
    if (isRevenueAccount(book, l.account)) get(id).revenueFen += l.c - l.d;
    else if (type === 'expense' || type === 'cost') get(id).directCostFen += l.d - l.c;
    if (client.has(l.account)) get(id).clientCostFen += l.d - l.c;
  }
  const allocated = book.db.allExact(
    book.q
      .selectFrom('alloc_line as l')
      .select((eb) => ['l.customer_id as id', eb.fn.sum<number>('l.amount_fen').as('a')])
      .where('l.customer_id', 'is not', null)
      .$narrowType<{ id: number }>()
      .where('l.run_id', 'in', (eb) =>
        eb
          .selectFrom('alloc_run')
          .select((r) => r.fn.max('id').as('id'))
          .where((r) => r.between('period', from, to))
          .groupBy('period'),
      )
      .groupBy('l.customer_id'),
  );
  for (const a of allocated) get(Number(a.id)).allocatedFen += a.a;
  const out = new Map<number, Figures & { clientCostFen?: number }>();
  for (const [id, f] of big) {
    out.set(id, {
      revenueFen: exactFen(f.revenueFen, 'profitability'),
      directCostFen: exactFen(f.directCostFen, 'profitability'),
      allocatedFen: exactFen(f.allocatedFen, 'profitability'),
      clientCostFen: exactFen(f.clientCostFen, 'profitability'),
    });
  }
  return out;
}

interface CustomerRow {
  id: number;
  code: string;
  name: string;
  tier: string;
  active: number;
  managerId: number | null;
  managerName: string | null;
}

const customers = (book: Book): CustomerRow[] =>
  book.db.all(
    book.q
      .selectFrom('customer as c')
      .leftJoin('employee as e', 'e.id', 'c.manager_id')
      .select(['c.id', 'c.code', 'c.name', 'c.tier', 'c.active', 'c.manager_id as managerId', 'e.name as managerName'])
      .orderBy('c.code'),
  );

export function profitability(book: Book, from: string, to: string): { rows: CustomerProfit[]; totals: Figures & { profitFen: number } } {
  const figures = customerFigures(book, toPeriod(from), toPeriod(to));
  const zero: Figures = { revenueFen: 0, directCostFen: 0, allocatedFen: 0 };
  const rows = customers(book)
    .filter((c) => c.active === 1 || figures.has(c.id))
    .map((c) => {
      const f = figures.get(c.id) ?? zero;
      const profitFen = sumFen([f.revenueFen, -f.directCostFen, -f.allocatedFen], 'profitability');
      return {
        customerId: c.id,
        code: c.code,
        name: c.name,
        tier: c.tier,
        managerId: c.managerId,
        managerName: c.managerName ?? '',
        revenueFen: f.revenueFen,
        directCostFen: f.directCostFen,
        allocatedFen: f.allocatedFen,
        profitFen,
        margin: f.revenueFen !== 0 ? profitFen / f.revenueFen : null,
        rank: 0,
        profitClass: 'low' as ProfitClass,
        cumulativeShare: null as number | null,
      };
    })
    // Rows are in code order already; a stable sort keeps code order among equal profits.
    .sort((a, b) => b.profitFen - a.profitFen);
  const total = (k: 'revenueFen' | 'directCostFen' | 'allocatedFen' | 'profitFen') => sumFen(rows.map((r) => r[k]), 'profitability');
  const totals = { revenueFen: total('revenueFen'), directCostFen: total('directCostFen'), allocatedFen: total('allocatedFen'), profitFen: total('profitFen') };
  let positive = 0;
  for (const r of rows) if (r.profitFen > 0) positive += r.profitFen;
  let cumulative = 0;
  let positiveBefore = 0;
  rows.forEach((r, i) => {
    r.rank = i + 1;
    // High: the best customers until they cover HIGH_SHARE_PERCENT of all positive profit (integer test, no rounding).
    r.profitClass = r.profitFen < 0 ? 'loss' : r.profitFen > 0 && positiveBefore * 100 < positive * HIGH_SHARE_PERCENT ? 'high' : 'low';
    if (r.profitFen > 0) positiveBefore += r.profitFen;
    cumulative += r.profitFen;
    r.cumulativeShare = totals.profitFen !== 0 ? cumulative / totals.profitFen : null;
  });
  return { rows, totals };
}

export function previousRange(from: string, to: string): { from: string; to: string } {
  const n = periodRange(toPeriod(from), toPeriod(to)).length;
  return { from: addMonths(toPeriod(from), -n), to: addMonths(toPeriod(from), -1) };
}

/**
 * Per account manager. `expenseFen` is everything charged to their customers: direct costs
 * (every expense and cost account, 主营业务成本 included) plus allocated overhead;
 * `clientCostFen` is the client costs only (客户管理费用, the expense reports' accounts), the
 * figure a manager is answerable for, and the screen's default. Growth and retention compare
 * with the previous range of equal length only when the book covers all of it: a previous
 * range reaching before the first period would compare with months that have no figures
 * (+499 % for the book's first half-year), so they are null and `comparable` says why.
 */
export function managerRoi(book: Book, from: string, to: string): ManagerRoi[] {
  const prev = previousRange(from, to);
  const comparable = prev.from >= (book.meta('first_period') ?? prev.from);
  const now = customerFigures(book, toPeriod(from), toPeriod(to));
  const before = customerFigures(book, prev.from, prev.to);
  const out = new Map<number | null, ManagerRoi>();
  for (const c of customers(book)) {
    const f = now.get(c.id);
    const p = before.get(c.id);
    if (!f && !p && c.active !== 1) continue;
    let m = out.get(c.managerId);
    if (!m) {
      m = {
        managerId: c.managerId,
        managerName: c.managerName ?? '',
        customers: 0,
        revenueFen: 0,
        expenseFen: 0,
        clientCostFen: 0,
        previousRevenueFen: 0,
        growth: null,
        retention: null,
        retained: 0,
        previousCustomers: 0,
        revenuePerYuan: null,
        revenuePerClientYuan: null,
        previousFrom: prev.from,
        previousTo: prev.to,
        comparable,
      };
      out.set(c.managerId, m);
    }
    m.customers++;
    // Each step exact (a partial sum no double holds is refused, typed): reports/exact.ts.
    m.revenueFen = sumFen([m.revenueFen, f?.revenueFen ?? 0], 'profitability');
    m.expenseFen = sumFen([m.expenseFen, f?.directCostFen ?? 0, f?.allocatedFen ?? 0], 'profitability');
    m.clientCostFen = sumFen([m.clientCostFen, f?.clientCostFen ?? 0], 'profitability');
    m.previousRevenueFen = sumFen([m.previousRevenueFen, p?.revenueFen ?? 0], 'profitability');
    if ((p?.revenueFen ?? 0) > 0) {
      m.previousCustomers++;
      if ((f?.revenueFen ?? 0) > 0) m.retained++;
    }
  }
  return [...out.values()]
    .map((m) => ({
      ...m,
      growth: comparable && m.previousRevenueFen !== 0 ? (m.revenueFen - m.previousRevenueFen) / m.previousRevenueFen : null,
      retention: comparable && m.previousCustomers > 0 ? m.retained / m.previousCustomers : null,
      revenuePerYuan: m.expenseFen !== 0 ? m.revenueFen / m.expenseFen : null,
      revenuePerClientYuan: m.clientCostFen !== 0 ? m.revenueFen / m.clientCostFen : null,
    }))
    .sort((a, b) => b.revenueFen - a.revenueFen || a.managerName.localeCompare(b.managerName));
}
