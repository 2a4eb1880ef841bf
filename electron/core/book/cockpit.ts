/**
 * 首页 as a cockpit: the figures an accountant opens the book for, each with the page that
 * acts on it. Read-only, one small query each.
 *
 * - The open period is the earliest one not closed (结账 goes strictly in order, so it is the
 *   next to close), with its draft vouchers and its 结账检查 (closing/check.ts, the same check
 *   the periods page runs before 结账): the codes of its blockers and warnings, counted on 首页.
 * - Claims waiting, by the role of their pending step.
 * - Budgets at warning or alert level whose period contains the open period.
 * - The open period's client costs (客户管理费用, the same accounts as the expense reports): the
 *   month the accountant is working on, which is this month once last month is closed; against
 *   last month and against the month budgets that cover whole client costs (no employee,
 *   customer or category restriction: a department's or the company's).
 */
import type { Cockpit } from '../../../shared/contract/book';
import { addMonths, type Period } from '../../../shared/period';
import { thisPeriodLocal } from '../../../shared/today';
import { allBudgets, budgetMonths, budgetRow } from '../budgets/budgets';
import { listClaims } from '../claims/queries';
import { closeCheck } from '../closing/check';
import { exactFen, sumFen } from '../reports/exact';
import { clientExpenseAccounts } from '../reports/expenses/facts';
import type { Book } from './book';
import { sql } from 'kysely';

function openPeriod(book: Book): string {
  const first = book.meta('first_period') ?? thisPeriodLocal();
  const row = book.db.first(book.q.selectFrom('period').select('period').where('status', '=', 'open').orderBy('period').limit(1));
  if (row) return row.period;
  const lastClosed = book.db.first(book.q.selectFrom('period').select((eb) => eb.fn.max<string | null>('period').as('p')).where('status', '=', 'closed'))!;
  if (lastClosed.p) return addMonths(lastClosed.p as Period, 1);
  return first > thisPeriodLocal() ? first : thisPeriodLocal();
}

function clientCostFen(book: Book, accounts: string[], period: string): number {
  // SQLite's exact int64 sum, as BigInt: past 2^53 a number would be a fen off (reports/exact.ts).
  // The accounts go in as one JSON parameter (json_each), so the SQL text is one whatever their number.
  const r = book.db.firstExact(
    book.q
      .selectFrom('voucher_line')
      .select((eb) => eb.fn.coalesce(eb.fn.sum<number>('debit_fen'), eb.lit(0)).as('fen'))
      .where('posted', '=', sql.lit(1))
      .where('period', '=', period)
      .where('account_code', 'in', sql<string>`(SELECT value FROM json_each(${JSON.stringify(accounts)}))`),
  )!;
  return exactFen(r.fen, 'cockpit');
}

export function cockpit(book: Book): Cockpit {
  const open = openPeriod(book);
  const draftCount = (period?: string) =>
    book.db.first(
      book.q
        .selectFrom('voucher')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('status', '=', 'draft')
        .$if(period !== undefined, (q) => q.where('period', '=', period!)),
    )!.n;
  const drafts = draftCount(open);
  const allDrafts = draftCount();

  const waiting = new Map<string, { count: number; fens: number[] }>();
  for (const c of listClaims(book, { status: 'submitted' })) {
    const w = waiting.get(c.pendingRole ?? '') ?? { count: 0, fens: [] };
    w.count += 1;
    w.fens.push(c.totalFen);
    waiting.set(c.pendingRole ?? '', w);
  }

  const month = open;
  const budgets = allBudgets(book);
  const current = budgets.filter((b) => {
    const [from, to] = budgetMonths(b.period_kind, b.period);
    return from <= month && month <= to;
  });
  const alerts = current
    .map((b) => budgetRow(book, b))
    .filter((r) => r.level !== 'ok')
    .sort((a, b) => b.usedPct - a.usedPct)
    .slice(0, 8)
    .map((r) => ({ id: r.id, name: r.name, scope: r.scope, period: r.period, usedPct: r.usedPct, level: r.level as 'warn' | 'alert' }));
  const whole = current.filter((b) => b.period_kind === 'month' && b.employee_id === null && b.customer_id === null && b.category_id === null);
  const accounts = clientExpenseAccounts(book);
  // 首页's own figures first: past the exact range the refusal names 首页, not the 结账检查 it also runs.
  const costs = {
    period: month,
    fen: clientCostFen(book, accounts, month),
    lastPeriod: addMonths(month as Period, -1),
    lastFen: clientCostFen(book, accounts, addMonths(month as Period, -1)),
    budgetFen: whole.length ? sumFen(whole.map((b) => b.amount_fen), 'cockpit') : null,
  };
  const check = closeCheck(book, open);

  return {
    openPeriod: open,
    draftsInOpenPeriod: drafts,
    draftsTotal: allDrafts,
    closeCheck: { ok: check.blockers.length === 0, blockers: check.blockers.map((b) => b.code), warnings: check.warnings.map((w) => w.code) },
    claimsWaiting: [...waiting].map(([role, w]) => ({ role, count: w.count, totalFen: sumFen(w.fens, 'cockpit') })).sort((a, b) => a.role.localeCompare(b.role)),
    budgetAlerts: alerts,
    clientCosts: costs,
  };
}
