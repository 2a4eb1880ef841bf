/**
 * Budgets (docs/domain.md: Budgets): an amount per period (month, quarter, year) and scope
 * (employee, department, customer, category, or a combination). Actual is what posted
 * vouchers put on expense accounts with those dimensions; committed is claims submitted
 * or approved but not yet posted (net of deductible VAT, as they will post). Levels:
 * warn at warn_pct, alert at alert_pct of the amount; an optional hard block refuses an
 * approval that takes the budget past 100 %.
 */
import { inputTax, type VatLine } from '../vat/input';
import { UserError } from '../../../shared/errors';
import type { BudgetCheck, BudgetRow } from '../../../shared/contract/budgets';
import type { Book } from '../book/book';
import { CLOSING_SOURCE } from '../closing/sql';
import { exactFen, sumFen } from '../reports/exact';
import type { BudgetPeriodKind, BudgetTable } from '../db/schema/claims-control';
import { sql, type Expression, type ExpressionBuilder, type Selectable } from 'kysely';
import { builder } from '../db/query';
import { precompiled } from '../db/precompiled';

type Budget = Selectable<BudgetTable>;

/** First and last month of a budget period; refused if malformed. */
export function budgetMonths(kind: BudgetPeriodKind, period: string): [string, string] {
  const bad = () => new UserError('budgets.badPeriod', { period });
  if (kind === 'month') {
    if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(period)) throw bad();
    return [period, period];
  }
  if (kind === 'quarter') {
    const m = /^(\d{4})-Q([1-4])$/.exec(period);
    if (!m) throw bad();
    const q = Number(m[2]);
    const p = (n: number) => `${m[1]}-${String(n).padStart(2, '0')}`;
    return [p(q * 3 - 2), p(q * 3)];
  }
  if (!/^\d{4}$/.test(period)) throw bad();
  return [`${period}-01`, `${period}-12`];
}

/** Which budget periods contain a date, by kind (to find the budgets a claim line touches). */
export const periodsOfDate = (date: string): string[] => {
  const y = date.slice(0, 4);
  const m = Number(date.slice(5, 7));
  return [date.slice(0, 7), `${y}-Q${Math.ceil(m / 3)}`, y];
};

/** The budget's scope as conditions on the given columns: each dimension it names must match. */
function inScope(b: Budget, cols: { emp: Expression<number | null>; dept: Expression<number | null>; cust: Expression<number | null>; cat: Expression<number | null> }) {
  return <D, T extends keyof D>(eb: ExpressionBuilder<D, T>) =>
    eb.and(
      (
        [
          [cols.emp, b.employee_id],
          [cols.dept, b.department_id],
          [cols.cust, b.customer_id],
          [cols.cat, b.category_id],
        ] as const
      )
        .filter((pair): pair is readonly [Expression<number | null>, number] => pair[1] !== null)
        .map(([col, v]) => eb(col, '=', v)),
    );
}

export function actualFen(book: Book, b: Budget): number {
  const [from, to] = budgetMonths(b.period_kind, b.period);
  // SQLite's exact int64 sum, as BigInt: past 2^53 a number would be a fen off (reports/exact.ts).
  const row = book.db.firstExact(
    book.q
      .selectFrom('voucher_line as l')
      .innerJoin('account as a', 'a.code', 'l.account_code')
      .select((eb) => eb.fn.coalesce(eb.fn.sum<number>(eb('l.debit_fen', '-', eb.ref('l.credit_fen'))), eb.lit(0)).as('s'))
      .where('l.posted', '=', sql.lit(1))
      .where('a.type', '=', 'expense')
      .where((eb) => eb.between('l.period', from, to))
      .where((eb) => eb('l.voucher_id', 'not in', eb.selectFrom('voucher').select('id').where('source_type', '=', CLOSING_SOURCE)))
      .where((eb) => inScope(b, { emp: eb.ref('l.employee_id'), dept: eb.ref('l.department_id'), cust: eb.ref('l.customer_id'), cat: eb.ref('l.category_id') })(eb)),
  )!;
  return exactFen(row.s, 'budgets');
}

/**
 * Committed: submitted or approved claims without a posted accrual; optionally only one
 * claim, or all but one. Each line counts what its accrual will debit the expense: its
 * amount less the input VAT posting will deduct (vat/input.ts, the one rule).
 */
export function committedFen(book: Book, b: Budget, opts: { onlyClaim?: number; anyStatus?: boolean } = {}): number {
  const [from, to] = budgetMonths(b.period_kind, b.period);
  const lines: VatLine[] = book.db.all(
    book.q
      .selectFrom('claim_line as l')
      .innerJoin('claim as c', 'c.id', 'l.claim_id')
      .innerJoin('employee as e', 'e.id', 'c.employee_id')
      .innerJoin('category as k', 'k.id', 'l.category_id')
      .select(['k.code as categoryCode', 'k.account_code as accountCode', 'l.invoice_type as invoiceType', 'l.invoice_no as invoiceNo', 'l.amount_fen as amountFen', 'l.tax_fen as statedTaxFen'])
      .where('l.date', '>=', `${from}-01`)
      .where('l.date', '<=', `${to}-31`)
      .$if(!opts.anyStatus, (q) => q.where('c.status', 'in', ['submitted', 'approved']).where('c.accrual_voucher_id', 'is', null))
      .$if(opts.onlyClaim !== undefined, (q) => q.where('c.id', '=', opts.onlyClaim!))
      .where((eb) =>
        inScope(b, { emp: eb.ref('c.employee_id'), dept: eb.fn.coalesce('l.department_id', 'e.department_id'), cust: eb.ref('l.customer_id'), cat: eb.ref('l.category_id') })(eb),
      ),
  );
  if (lines.length === 0) return 0;
  const vatOf = inputTax(book);
  return sumFen(lines.map((l) => l.amountFen - vatOf(l).taxFen), 'budgets');
}

export const levelOf = (b: Pick<Budget, 'amount_fen' | 'warn_pct' | 'alert_pct'>, used: number): 'ok' | 'warn' | 'alert' =>
  used * 100 >= b.alert_pct * b.amount_fen ? 'alert' : used * 100 >= b.warn_pct * b.amount_fen ? 'warn' : 'ok';

const names = (book: Book, table: 'employee' | 'department' | 'customer' | 'category', id: number | null): string | null =>
  id === null ? null : (book.db.first(book.q.selectFrom(table).select('name').where('id', '=', id))?.name ?? `#${id}`);

export function budgetScope(book: Book, b: Budget): string {
  return [names(book, 'employee', b.employee_id), names(book, 'department', b.department_id), names(book, 'customer', b.customer_id), names(book, 'category', b.category_id)]
    .filter(Boolean)
    .join(' · ');
}

export function budgetRow(book: Book, b: Budget): BudgetRow {
  const actual = actualFen(book, b);
  const committed = committedFen(book, b);
  const used = sumFen([actual, committed], 'budgets');
  return {
    id: b.id,
    name: b.name,
    periodKind: b.period_kind,
    period: b.period,
    employeeId: b.employee_id,
    departmentId: b.department_id,
    customerId: b.customer_id,
    categoryId: b.category_id,
    scope: budgetScope(book, b),
    amountFen: b.amount_fen,
    warnPct: b.warn_pct,
    alertPct: b.alert_pct,
    hardBlock: b.hard_block === 1,
    actualFen: actual,
    committedFen: committed,
    remainingFen: sumFen([b.amount_fen, -used], 'budgets'),
    usedPct: b.amount_fen > 0 ? used / b.amount_fen : 0,
    level: levelOf(b, used),
  };
}

export const allBudgets = (book: Book): Budget[] => book.db.all(book.q.selectFrom('budget').selectAll().orderBy('period').orderBy('id'));

// Compiled once (db/precompiled.ts): submit and every approval check the claim's budgets (~260 times in the demo book).
const claimStateQuery = precompiled((claimId: number) => builder.selectFrom('claim').select(['status', 'accrual_voucher_id']).where('id', '=', claimId), 1);
const claimDatesQuery = precompiled((claimId: number) => builder.selectFrom('claim_line').select('date').distinct().where('claim_id', '=', claimId), 1);

/**
 * The budgets a claim touches and where they stand with it. A draft claim is not yet
 * committed, so its amount is added to the projection; a submitted one already is.
 */
export function checkClaimBudgets(book: Book, claimId: number): BudgetCheck[] {
  const claim = book.db.first(claimStateQuery(claimId))!;
  const dates = book.db.all(claimDatesQuery(claimId)).map((r) => r.date);
  const periods = [...new Set(dates.flatMap(periodsOfDate))];
  if (periods.length === 0) return [];
  const candidates = book.db.all(book.q.selectFrom('budget').selectAll().where('period', 'in', periods).orderBy('id'));
  const out: BudgetCheck[] = [];
  for (const b of candidates) {
    const mine = committedFen(book, b, { onlyClaim: claimId, anyStatus: true });
    if (mine === 0) continue;
    const actual = actualFen(book, b);
    const committed = committedFen(book, b);
    const alreadyIn = claim.status === 'draft' || claim.accrual_voucher_id !== null ? 0 : mine;
    const projected = actual + committed - alreadyIn + mine;
    out.push({
      budgetId: b.id,
      name: b.name || budgetScope(book, b),
      scope: budgetScope(book, b),
      period: b.period,
      amountFen: b.amount_fen,
      actualFen: actual,
      committedFen: committed,
      claimFen: mine,
      projectedFen: claim.accrual_voucher_id !== null ? actual + committed : projected,
      level: levelOf(b, claim.accrual_voucher_id !== null ? actual + committed : projected),
      hardBlock: b.hard_block === 1,
    });
  }
  return out;
}

export interface BudgetInput {
  id?: number | undefined;
  name?: string | undefined;
  periodKind: BudgetPeriodKind;
  period: string;
  employeeId?: number | null | undefined;
  departmentId?: number | null | undefined;
  customerId?: number | null | undefined;
  categoryId?: number | null | undefined;
  amountFen: number;
  warnPct: number;
  alertPct: number;
  hardBlock: boolean;
}

export function saveBudget(book: Book, input: BudgetInput): BudgetRow {
  budgetMonths(input.periodKind, input.period);
  if (input.employeeId == null && input.departmentId == null && input.customerId == null && input.categoryId == null) throw new UserError('budgets.noScope');
  if (input.warnPct > input.alertPct) throw new UserError('budgets.badPct');
  const values = {
    name: input.name ?? '',
    period_kind: input.periodKind,
    period: input.period,
    employee_id: input.employeeId ?? null,
    department_id: input.departmentId ?? null,
    customer_id: input.customerId ?? null,
    category_id: input.categoryId ?? null,
    amount_fen: input.amountFen,
    warn_pct: input.warnPct,
    alert_pct: input.alertPct,
    hard_block: input.hardBlock ? 1 : 0,
  };
  let id = input.id;
  if (id !== undefined) {
    const before = book.db.first(book.q.selectFrom('budget').selectAll().where('id', '=', id));
    if (!before) throw new UserError('budgets.notFound', { id });
    book.db.run(book.q.updateTable('budget').set(values).where('id', '=', id));
    book.audit({ action: 'budget.update', entity: 'budget', entityId: id, before, after: values });
  } else {
    id = book.db.run(book.q.insertInto('budget').values({ ...values, created_at: new Date().toISOString(), created_by: book.user })).lastInsertRowid;
    book.audit({ action: 'budget.create', entity: 'budget', entityId: id, after: values });
  }
  return budgetRow(book, book.db.first(book.q.selectFrom('budget').selectAll().where('id', '=', id))!);
}

export function deleteBudget(book: Book, id: number): boolean {
  const before = book.db.first(book.q.selectFrom('budget').selectAll().where('id', '=', id));
  if (!before) throw new UserError('budgets.notFound', { id });
  book.db.run(book.q.deleteFrom('budget').where('id', '=', id));
  book.audit({ action: 'budget.delete', entity: 'budget', entityId: id, before });
  return true;
}
