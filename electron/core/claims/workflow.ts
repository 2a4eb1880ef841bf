/**
 * The claim's life: draft → submitted → approved step by step → paid; a rejection sends
 * it back to draft with the reason. Each action records who, when and the comment as a
 * claim step; the final approval posts the accrual voucher and payment the settlement
 * voucher in the same transaction as the state change (callers wrap in book.tx).
 * Policy blocks stop submit and approve; budgets are checked at both, and a hard budget
 * blocks an approval past 100 %.
 */
import { percentOf } from '../../../shared/percent';
import { UserError } from '../../../shared/errors';
import { message, type Locale } from '../../../shared/messages/index';
import { sql } from 'kysely';
import type { Book } from '../book/book';
import { builder } from '../db/query';
import { precompiled } from '../db/precompiled';
import { checkClaimBudgets } from '../budgets/budgets';
import { blockReasons, evaluateLines, type Violation } from '../policy/evaluate';
import { actingUser } from '../users/users';
import { ledgerHasInvoices, matchLine, matchMessage, taxIdOf } from '../invoices/match';
import { currentApprovals, mayApprove, mayPay, requiredLevels } from './chain';
import { claimRecord, requireStatus, type ClaimRecord } from './edit';
import { postAccrual, postSettlement } from './post';
import { todayLocal } from '../../../shared/today';

export interface ActionOutcome {
  warnings: string[];
  voucher: string | null;
}

const now = () => new Date().toISOString();

/*
 * The statements every submit, approve and pay runs, compiled once (db/precompiled.ts): a
 * profile of the demo book (createBook + fillDemo, ~110 claims through submit/approve/pay)
 * had Kysely building and compiling these per call.
 */
const insertStep = precompiled(
  (claimId: number, step: number, action: 'submit' | 'approve' | 'reject' | 'pay', role: string, user: string, at: string, comment: string) =>
    builder.insertInto('claim_step').values({ claim_id: claimId, step, action, role, user, at, comment }),
  7,
);
const markSubmitted = precompiled((id: number, at: string) => builder.updateTable('claim').set({ status: 'submitted', submitted_at: at, reject_reason: null }).where('id', '=', id), 2);
const markApproved = precompiled((id: number, at: string, voucherId: number) => builder.updateTable('claim').set({ status: 'approved', approved_at: at, accrual_voucher_id: voucherId }).where('id', '=', id), 3);
const markPaid = precompiled((id: number, at: string, voucherId: number) => builder.updateTable('claim').set({ status: 'paid', paid_at: at, settlement_voucher_id: voucherId }).where('id', '=', id), 3);
const invoiceLines = precompiled(
  (claimId: number) =>
    builder
      .selectFrom('claim_line')
      .select(['id', 'line_no as line', 'invoice_no as invoiceNo', 'amount_fen as amountFen'])
      .where('claim_id', '=', claimId)
      .where('invoice_no', 'is not', null)
      .$narrowType<{ invoiceNo: string }>()
      .orderBy('line_no'),
  1,
);
const policyLines = precompiled(
  (claimId: number) =>
    builder
      .selectFrom('claim_line')
      .select(['date', 'category_id as categoryId', 'customer_id as customerId', 'department_id as departmentId', 'invoice_no as invoiceNo', 'amount_fen as amountFen', 'tax_fen as taxFen', 'receipt'])
      .where('claim_id', '=', claimId)
      .orderBy('line_no'),
  1,
);
const approverOf = precompiled((employeeId: number) => builder.selectFrom('employee as e').innerJoin('employee as a', 'a.id', 'e.approver_id').select(['a.id', 'a.name']).where('e.id', '=', employeeId), 1);
const payAccountsQuery = precompiled((bank: string, cash: string) => {
  const root = sql<string>`substr(a.code, 1, 4)`;
  return builder
    .selectFrom('account as a')
    .select(['a.code', 'a.name'])
    .where('a.active', '=', 1)
    .where((eb) => eb.or([eb(root, '=', bank), eb(root, '=', cash)]))
    .where((eb) => eb.not(eb.exists(eb.selectFrom('account as c').select('c.code').whereRef('c.parent_code', '=', 'a.code'))))
    .orderBy(sql`${root} = ${bank}`, 'desc')
    .orderBy('a.code');
}, 2);

function recordStep(book: Book, claimId: number, step: number, action: 'submit' | 'approve' | 'reject' | 'pay', role: string, comment: string): void {
  book.db.run(insertStep(claimId, step, action, role, book.user, now(), comment));
}

export function claimViolations(book: Book, c: ClaimRecord, locale: Locale): Violation[] {
  // What the policy reads of each line, not the screen's rows (claimLines: names, deductible VAT, notes).
  const lines = book.db.all(policyLines(c.id)).map((l) => ({ ...l, receipt: l.receipt === 1 }));
  // Date rules judge a submitted claim as of its submission, not as of today.
  const asOf = c.status !== 'draft' && c.submitted_at ? { today: todayLocal(new Date(c.submitted_at)) } : {};
  return evaluateLines(book, lines, { employeeId: c.employee_id, claimId: c.id, locale, ...asOf });
}

function policyGate(book: Book, c: ClaimRecord, locale: Locale): string[] {
  const v = claimViolations(book, c, locale);
  if (v.some((x) => x.action === 'block')) throw new UserError('claims.policyBlock', { reasons: blockReasons(v) });
  return v.map((x) => `#${x.line + 1} ${x.message}`);
}

/**
 * Each line's invoice against the invoice ledger (invoices/match.ts): an invoice claimed
 * before, or voided / red-lettered, blocks (naming the first claim line); the other
 * differences are warnings, once the ledger holds invoices.
 */
function invoiceGate(book: Book, claimId: number, locale: Locale): string[] {
  const lines = book.db.all(invoiceLines(claimId));
  if (lines.length === 0) return [];
  const withLedger = ledgerHasInvoices(book);
  // The book's 纳税人识别号 once for the claim, not once a line.
  const taxId = taxIdOf(book);
  const warnings: string[] = [];
  for (const l of lines) {
    const m = matchLine(book, { ...l, claimId }, taxId);
    const why = matchMessage(m, l.amountFen);
    if (!why) continue;
    if (m.status === 'reused' || m.status === 'voided') throw new UserError(why.code, why.params);
    if (withLedger) warnings.push(`#${l.line} ${message(locale, why.code, why.params)}`);
  }
  return warnings;
}

const budgetWarnings = (budgets: ReturnType<typeof checkClaimBudgets>, locale: Locale): string[] =>
  budgets
    .filter((b) => b.level !== 'ok')
    .map((b) => {
      const pct = percentOf(b.projectedFen, b.amountFen);
      return locale === 'en' ? `Budget "${b.name}" ${b.period} at ${pct}%` : `预算“${b.name}” ${b.period} 已用 ${pct}%`;
    });

export function submitClaim(book: Book, id: number, comment: string, locale: Locale): ActionOutcome {
  const user = actingUser(book);
  const c = claimRecord(book, id);
  requireStatus(c, 'draft', locale === 'en' ? 'submit' : '提交');
  const warnings = policyGate(book, c, locale);
  warnings.push(...invoiceGate(book, id, locale));
  warnings.push(...budgetWarnings(checkClaimBudgets(book, id), locale));
  book.db.run(markSubmitted(id, now()));
  recordStep(book, id, 0, 'submit', user.role, comment);
  book.audit({ action: 'claim.submit', entity: 'claim', entityId: id, before: { status: 'draft' }, after: { status: 'submitted', totalFen: c.total_fen, warnings: warnings.length } });
  return { warnings, voucher: null };
}

/** The claimant's named approver (employee.approver_id), who owns the manager step. */
export const namedApprover = (book: Book, employeeId: number) => book.db.first(approverOf(employeeId));

/**
 * Why this user may not give the claim's pending approval, or null when they may. The claim
 * screen asks before offering 审批通过 (so the button says whom the claim waits for instead of
 * failing on a click); approveClaim asks again inside its transaction.
 */
export function approvalBlocker(book: Book, c: ClaimRecord, user: ReturnType<typeof actingUser>): UserError | null {
  return approvalState(book, c, user).blocker;
}

/** The chain's levels, the approvals given, and approvalBlocker's answer: approveClaim needs all three, read once. */
function approvalState(book: Book, c: ClaimRecord, user: ReturnType<typeof actingUser>) {
  const levels = requiredLevels(book, c.total_fen);
  const done = currentApprovals(book, c.id);
  return { levels, done, blocker: blockerOf(book, c, user, levels, done) };
}

function blockerOf(book: Book, c: ClaimRecord, user: ReturnType<typeof actingUser>, levels: ReturnType<typeof requiredLevels>, done: ReturnType<typeof currentApprovals>): UserError | null {
  if (user.employeeId !== null && user.employeeId === c.employee_id) return new UserError('claims.selfApproval');
  const level = levels[done.length];
  if (!level) return new UserError('claims.badStatus', { id: c.id, status: c.status, action: 'approve' });
  if (!mayApprove(level.role, user.role)) return new UserError('claims.wrongRole', { step: level.role, user: user.name });
  if (done.some((d) => d.user.toLowerCase() === user.name.toLowerCase())) return new UserError('claims.sameApprover', { user: user.name });
  // The manager step belongs to the approver named on the claimant's employee record.
  if (level.role === 'manager' && user.role !== 'admin') {
    const approver = namedApprover(book, c.employee_id);
    if (approver && user.employeeId !== approver.id) return new UserError('claims.notTheApprover', { approver: approver.name });
  }
  return null;
}

export function approveClaim(book: Book, id: number, comment: string, locale: Locale): ActionOutcome {
  const user = actingUser(book);
  const c = claimRecord(book, id);
  requireStatus(c, 'submitted', locale === 'en' ? 'approve' : '审批');
  // The levels and approvals the blocker judged are the ones this approval records against (one read each).
  const { levels, done, blocker } = approvalState(book, c, user);
  if (blocker) throw blocker;
  const level = levels[done.length]!;
  const warnings = policyGate(book, c, locale);
  // One budget check for both the hard block and the warnings (it read the budgets twice).
  const budgets = checkClaimBudgets(book, id);
  for (const b of budgets) {
    if (b.hardBlock && b.projectedFen > b.amountFen) {
      throw new UserError('claims.budgetBlock', { budget: b.name, pct: percentOf(b.projectedFen, b.amountFen) });
    }
  }
  warnings.push(...budgetWarnings(budgets, locale));
  recordStep(book, id, level.step, 'approve', level.role, comment);
  let voucher: string | null = null;
  if (done.length + 1 === levels.length) {
    const v = postAccrual(book, c);
    voucher = v.label;
    book.db.run(markApproved(id, now(), v.id));
  }
  book.audit({
    action: 'claim.approve',
    entity: 'claim',
    entityId: id,
    before: { status: 'submitted', step: done.length },
    after: { status: voucher ? 'approved' : 'submitted', step: level.step, role: level.role, voucher },
  });
  return { warnings, voucher };
}

export function rejectClaim(book: Book, id: number, reason: string, locale: Locale): ActionOutcome {
  const user = actingUser(book);
  if (!reason.trim()) throw new UserError('claims.reasonRequired');
  const c = claimRecord(book, id);
  requireStatus(c, 'submitted', locale === 'en' ? 'reject' : '驳回');
  const level = requiredLevels(book, c.total_fen)[currentApprovals(book, id).length];
  recordStep(book, id, level?.step ?? 0, 'reject', level?.role ?? user.role, reason.trim());
  book.db.run(book.q.updateTable('claim').set({ status: 'draft', reject_reason: reason.trim(), submitted_at: null }).where('id', '=', id));
  book.audit({ action: 'claim.reject', entity: 'claim', entityId: id, before: { status: 'submitted' }, after: { status: 'draft', reason: reason.trim() } });
  return { warnings: [], voucher: null };
}

/** The leaf accounts under 银行存款 and 库存现金 that a payment may come from, bank first. */
export function payAccounts(book: Book): { code: string; name: string }[] {
  return book.db.all(payAccountsQuery(book.account('bank'), book.account('cash')));
}

/** Pays from `account` (a bank or cash leaf; default the first 银行存款 leaf) on `date` (default today). */
export function payClaim(book: Book, id: number, date: string | undefined, comment: string, locale: Locale, account?: string): ActionOutcome {
  const user = actingUser(book);
  if (!mayPay(user.role)) throw new UserError('claims.payRole', { user: user.name });
  const c = claimRecord(book, id);
  requireStatus(c, 'approved', locale === 'en' ? 'pay' : '付款');
  const accounts = payAccounts(book);
  if (account !== undefined && !accounts.some((a) => a.code === account)) throw new UserError('claims.payAccount', { account });
  const from = account ?? accounts[0]?.code ?? book.account('bank');
  const v = postSettlement(book, c, date ?? todayLocal(), from);
  recordStep(book, id, 0, 'pay', user.role, comment);
  book.db.run(markPaid(id, now(), v.id));
  book.audit({ action: 'claim.pay', entity: 'claim', entityId: id, before: { status: 'approved' }, after: { status: 'paid', voucher: v.label, account: from } });
  return { warnings: [], voucher: v.label };
}
