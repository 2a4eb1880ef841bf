/**
 * Evaluating expense lines against the policy. Pure with respect to the book: it reads
 * rules and earlier claims, writes nothing. The claim screen, submit/approve and the
 * Excel import all call evaluateLines, so a line is judged the same way everywhere.
 *
 * Usage from an import: pass all rows of the batch at once (aggregate caps then see the
 * rows together), each with its own employeeId; leave claimId empty. After createClaim,
 * pass that claim's id so its own lines are not counted twice.
 *
 * Aggregate caps (per day, per month) count the lines given plus lines of claims that are
 * submitted, approved or paid (drafts are not yet claims against the company). Duplicate
 * invoice numbers are checked against every claim ever, drafts included (for a stored
 * claim: earlier claims, and later ones that are no longer drafts).
 */
import type { Locale } from '../../../shared/messages/index';
import { message, type MessageCode } from '../../../shared/messages/index';
import type { Statement } from 'better-sqlite3';
import type { Book } from '../book/book';
import type { Sqlite } from '../db/sqlite';
import type { ClaimLineInput } from '../claims/create';
import type { PolicyKind } from '../db/schema/claims-control';
import { activeRules, categoryFacts, daysBetween, invoiceKey, isWeekend, type PolicyRule } from './rules';
import { todayLocal } from '../../../shared/today';
import { exactFen, sumFen } from '../reports/exact';
import { sql } from 'kysely';
import { builder } from '../db/query';
import { precompiled } from '../db/precompiled';

export interface PolicyLine extends ClaimLineInput {
  /** Overrides context.employeeId (imports mix employees in one batch). */
  employeeId?: number | null;
}

export interface PolicyContext {
  employeeId?: number | null;
  /** The claim these lines belong to, if it exists: its stored lines are left out. */
  claimId?: number | null;
  /** ISO date for the future / too-old rules; defaults to today (local time). */
  today?: string;
  locale?: Locale;
  /**
   * The caller has already set aside every line whose invoice number a stored claim line or
   * an earlier line given carries (an import counts those rows as duplicates), so the
   * duplicate-invoice rule has nothing left to find: it is left out, with its lookups and
   * the map of every invoice number seen (100,000 of them in a big import).
   */
  invoicesChecked?: boolean;
}

export interface Violation {
  ruleId: number;
  kind: PolicyKind;
  /** 0-based index into the lines given. */
  line: number;
  action: 'warn' | 'block';
  code: string;
  params: Record<string, string | number>;
  message: string;
}

export function evaluateLines(book: Book, lines: PolicyLine[], context: PolicyContext = {}): Violation[] {
  if (lines.length === 0) return [];
  const check = lineEvaluator(book, context);
  if (!check) return [];
  const locale = context.locale ?? 'zh-CN';
  const out: Violation[] = [];
  const add: ViolationSink = (rule, line, code, params) =>
    out.push({ ruleId: rule.id, kind: rule.kind, line, action: rule.action, code, params, message: message(locale, code, params) });
  lines.forEach((l, i) => check(l, i, add));
  return out;
}

/** Receives each violation as it is found (the message is the receiver's to render). */
export type ViolationSink = (rule: PolicyRule, line: number, code: MessageCode, params: Record<string, string | number>) => void;

/**
 * evaluateLines one line at a time, for a caller that streams many lines (a 200,000-row
 * import keeps counts and a few hundred violations, not a message per line). Give the lines
 * in order, indexes counting up: running totals and the invoice numbers already seen carry
 * from one line to the next exactly as within one evaluateLines call. Null when no rule is active.
 */
export function lineEvaluator(book: Book, context: PolicyContext = {}): ((l: PolicyLine, i: number, add: ViolationSink) => void) | null {
  // A caller that set aside every repeated invoice number has no use for that rule.
  const rules = activeRules(book).filter((r) => !(context.invoicesChecked && r.kind === 'duplicate_invoice'));
  if (rules.length === 0) return null;
  const tracksInvoices = rules.some((r) => r.kind === 'duplicate_invoice');
  const locale = context.locale ?? 'zh-CN';
  const today = context.today ?? todayLocal();
  const claimId = context.claimId ?? -1;
  const categories = categoryFacts(book);
  const empDept = new Map<number, number | null>();
  const deptOf = (id: number | null): number | null => {
    if (id === null) return null;
    if (!empDept.has(id)) empDept.set(id, book.db.first(departmentOf(id))?.department_id ?? null);
    return empDept.get(id) ?? null;
  };
  const tiers = new Map<number, string>();
  const tierOf = (id: number | null | undefined): string | null => {
    if (id == null) return null;
    if (!tiers.has(id)) tiers.set(id, book.db.first(tierOfCustomer(id))?.tier ?? '');
    return tiers.get(id) ?? null;
  };
  const { daySum, monthSum } = capSums(book.sqlite);
  // Through Kysely: only the claim screen and submit/approve run it (an import sets invoicesChecked).
  const invoiceUse = (inv: string) => book.db.first(claimId >= 0 ? invoiceUseByStored(inv, claimId) : invoiceUseByNew(inv, claimId));

  // A big batch has a few dozen distinct dates: work out each one's age and weekday once.
  const ages = new Map<string, number>();
  const ageOf = (date: string) => {
    let a = ages.get(date);
    if (a === undefined) ages.set(date, (a = daysBetween(date, today)));
    return a;
  };
  const weekends = new Map<string, boolean>();
  const weekendOf = (date: string) => {
    let w = weekends.get(date);
    if (w === undefined) weekends.set(date, (w = isWeekend(date)));
    return w;
  };

  // Running totals per rule and group, seeded from the book once per group.
  const running = new Map<string, number>();
  const seenInvoice = new Map<string, number>();

  return (l, i, add) => {
    const employeeId = l.employeeId ?? context.employeeId ?? null;
    const cat = categories.get(l.categoryId);
    const catName = cat ? (locale === 'en' ? cat.nameEn : cat.name) : String(l.categoryId);
    const departmentId = l.departmentId ?? deptOf(employeeId);
    const applies = (r: PolicyRule) =>
      (r.category_code === null || r.category_code === cat?.code) &&
      (r.employee_id === null || r.employee_id === employeeId) &&
      (r.department_id === null || r.department_id === departmentId) &&
      (r.customer_tier === null || r.customer_tier === '' || r.customer_tier === tierOf(l.customerId));
    const inv = invoiceKey(l.invoiceNo);
    for (const r of rules) {
      if (!applies(r)) continue;
      const limit = r.amount_fen ?? 0;
      switch (r.kind) {
        case 'item_cap':
          if (r.amount_fen !== null && l.amountFen > limit) add(r, i, 'policy.item_cap', { category: catName, amount: l.amountFen, limit });
          break;
        case 'day_cap':
        case 'month_cap': {
          if (r.amount_fen === null || employeeId === null) break;
          const month = l.date.slice(0, 7);
          const key = `${r.id}|${employeeId}|${l.categoryId}|${r.kind === 'day_cap' ? l.date : month}`;
          let sum = running.get(key);
          if (sum === undefined) {
            const next = `${String(Number(month.slice(0, 4)) + (month.endsWith('12') ? 1 : 0))}-${month.endsWith('12') ? '01' : String(Number(month.slice(5)) + 1).padStart(2, '0')}`;
            sum =
              r.kind === 'day_cap'
                ? exactFen((daySum.get(employeeId, l.categoryId, l.date, claimId) as { s: bigint }).s, 'claims')
                : exactFen((monthSum.get(employeeId, l.categoryId, `${month}-01`, `${next}-01`, claimId) as { s: bigint }).s, 'claims');
          }
          sum = sumFen([sum, l.amountFen], 'claims');
          running.set(key, sum);
          if (sum > limit)
            add(r, i, r.kind === 'day_cap' ? 'policy.day_cap' : 'policy.month_cap', { category: catName, date: l.date, month, amount: sum, limit });
          break;
        }
        case 'receipt_required':
          if (!l.receipt && l.amountFen >= limit) add(r, i, 'policy.receipt_required', { amount: l.amountFen, limit });
          break;
        case 'invoice_required':
          if (inv === null && l.amountFen >= limit)
            add(r, i, r.amount_fen ? 'policy.invoice_required' : 'policy.invoice_required_any', { amount: l.amountFen, limit });
          break;
        case 'duplicate_invoice': {
          if (inv === null) break;
          const here = seenInvoice.get(inv);
          if (here !== undefined && here !== i) {
            add(r, i, 'policy.duplicate_invoice_here', { invoice: inv, other: here + 1 });
            break;
          }
          const prior = invoiceUse(inv);
          if (prior) add(r, i, 'policy.duplicate_invoice', { invoice: inv, claim: prior.c });
          break;
        }
        case 'future_date':
          if (l.date > today) add(r, i, 'policy.future_date', { date: l.date });
          break;
        case 'old_date':
          if (r.days !== null && ageOf(l.date) > r.days) add(r, i, 'policy.old_date', { date: l.date, days: r.days });
          break;
        case 'weekend':
          if (weekendOf(l.date)) add(r, i, 'policy.weekend', { date: l.date });
          break;
        case 'customer_required':
          if (cat?.isClient && l.customerId == null) add(r, i, 'policy.customer_required', { category: catName });
          break;
      }
    }
    if (tracksInvoices && inv !== null && !seenInvoice.has(inv)) seenInvoice.set(inv, i);
  };
}

/*
 * The lookups each evaluation runs, compiled once (db/precompiled.ts): the demo book evaluates
 * ~260 times (submit and each approval of 96 claims), and building and compiling these per
 * line or per evaluation was most of the policy gate's time in the profile of book.demo,
 * more than SQLite took to run them.
 */
const departmentOf = precompiled((id: number) => builder.selectFrom('employee').select('department_id').where('id', '=', id), 1);
const tierOfCustomer = precompiled((id: number) => builder.selectFrom('customer').select('tier').where('id', '=', id), 1);
// New lines collide with any claim. A stored claim collides with earlier claims and with
// later ones already submitted: a later draft repeating its invoice must not block it.
// LIMIT 1 as a literal: bound (Kysely's limit(1)), the same lookup on the demo book took
// 12.9 µs a run against 4.0 µs literal (better-sqlite3, 10,000 runs, SQLite 3.53).
const invoiceUseQuery = (inv: string, claimId: number) =>
  builder
    .selectFrom('claim_line as l')
    .innerJoin('claim as c', 'c.id', 'l.claim_id')
    .select('l.claim_id as c')
    .where('l.invoice_no', '=', inv)
    .where('l.claim_id', '<>', claimId);
const invoiceUseByNew = precompiled((inv: string, claimId: number) => invoiceUseQuery(inv, claimId).orderBy('l.claim_id').limit(sql.lit(1)), 2);
const invoiceUseByStored = precompiled(
  (inv: string, claimId: number) =>
    invoiceUseQuery(inv, claimId)
      .where((eb) => eb.or([eb('l.claim_id', '<', claimId), eb('c.status', '<>', 'draft')]))
      .orderBy('l.claim_id')
      .limit(sql.lit(1)),
  2,
);

/**
 * The day and month cap sums, prepared once per connection: evaluateLines runs for every
 * claim submitted or approved (and the claim screen's checks), and preparing these
 * statements again each time was what the demo generation profile blamed.
 * Raw SQL on purpose: an import looks a sum up for each new (rule, employee, category, day or
 * month) among its 200,000 lines; measured per lookup on the test book, the prepared statement
 * takes 12 µs and the same query built, compiled and run through Kysely (book.db.firstExact) 43 µs.
 * Caps compare exact sums: SQLite's int64 as BigInt, a number only when exact (reports/exact.ts).
 */
const capStatements = new WeakMap<Sqlite, { daySum: Statement; monthSum: Statement }>();

function capSums(s: Sqlite): { daySum: Statement; monthSum: Statement } {
  let st = capStatements.get(s);
  if (!st) {
    st = {
      daySum: s
        .prepare(
          `SELECT COALESCE(SUM(l.amount_fen), 0) AS s FROM claim_line l JOIN claim c ON c.id = l.claim_id
            WHERE c.employee_id = ? AND l.category_id = ? AND l.date = ? AND c.status IN ('submitted','approved','paid') AND c.id <> ?`,
        )
        .safeIntegers(true),
      monthSum: s
        .prepare(
          `SELECT COALESCE(SUM(l.amount_fen), 0) AS s FROM claim_line l JOIN claim c ON c.id = l.claim_id
            WHERE c.employee_id = ? AND l.category_id = ? AND l.date >= ? AND l.date < ? AND c.status IN ('submitted','approved','paid') AND c.id <> ?`,
        )
        .safeIntegers(true),
    };
    capStatements.set(s, st);
  }
  return st;
}

/** The blocking violations as one readable reason (for UserError 'claims.policyBlock'). */
export const blockReasons = (violations: Violation[]): string =>
  violations
    .filter((v) => v.action === 'block')
    .map((v) => `#${v.line + 1} ${v.message}`)
    .join('; ');
