/** One claim as the claim screen shows it: lines, violations per line, steps, chain, receipts, budgets. */
import type { ClaimDetail, ClaimStepRow } from '../../../shared/contract/claims';
import type { Locale } from '../../../shared/messages/index';
import type { Book } from '../book/book';
import { checkClaimBudgets } from '../budgets/budgets';
import { voucherRef } from '../ledger/vouchers';
import { claimRecord } from './edit';
import { claimLines, claimListRow, claimReceipts } from './queries';
import { approvalBlocker, claimViolations, namedApprover } from './workflow';
import { accrualPlan } from './post';
import { chainState, currentApprovals, requiredLevels } from './chain';
import { actingUser } from '../users/users';
import { message } from '../../../shared/messages/index';
import { UserError } from '../../../shared/errors';
import type { ClaimRecord } from './edit';
import type { PendingApproval } from '../../../shared/contract/claims';
import { sql } from 'kysely';

/** A claim spanning months has one accrual voucher per month; all carry the claim as source. */
function accrualLabels(book: Book, claimId: number, settlement: number | null): string | null {
  const ids = book.db
    .all(book.q.selectFrom('voucher').select('id').where('source_type', '=', 'claim').where('source_id', '=', claimId).where('status', '=', sql.lit('posted')).orderBy('id'))
    .map((r) => r.id)
    .filter((id) => id !== settlement);
  return ids.length ? ids.map((id) => voucherRef(book, id)).join(', ') : null;
}

/** The pending step as the acting user meets it (submitted claims only). */
function pendingApproval(book: Book, c: ClaimRecord, locale: Locale): PendingApproval | null {
  if (c.status !== 'submitted') return null;
  const levels = requiredLevels(book, c.total_fen);
  const done = currentApprovals(book, c.id).length;
  const level = levels[done];
  if (!level) return null;
  let why: string | null = null;
  try {
    const blocker = approvalBlocker(book, c, actingUser(book));
    if (blocker) why = message(locale, blocker.code, blocker.params);
  } catch (e) {
    // The acting user is unknown or inactive: the core's own refusal, in words.
    if (!(e instanceof UserError)) throw e;
    why = message(locale, e.code, e.params);
  }
  const final = done + 1 === levels.length;
  return {
    role: level.role,
    approver: level.role === 'manager' ? (namedApprover(book, c.employee_id)?.name ?? null) : null,
    mayApprove: why === null,
    why,
    final,
    accruals: final ? accrualPlan(book, c.id) : [],
  };
}

export function claimDetail(book: Book, id: number, locale: Locale): ClaimDetail {
  const c = claimRecord(book, id);
  const violations = claimViolations(book, c, locale);
  return {
    ...claimListRow(book, id),
    createdBy: c.created_by,
    accrualVoucher: accrualLabels(book, c.id, c.settlement_voucher_id),
    settlementVoucher: voucherRef(book, c.settlement_voucher_id),
    lineRows: claimLines(book, id, locale),
    violations: violations.map((v) => ({ ruleId: v.ruleId, kind: v.kind, line: v.line, action: v.action, message: v.message })),
    steps: book.db.all(book.q.selectFrom('claim_step').select(['step', 'action', 'role', 'user', 'at', 'comment']).where('claim_id', '=', id).orderBy('id')) satisfies ClaimStepRow[],
    chain: chainState(book, id, c.total_fen, c.status),
    receipts: claimReceipts(book, id),
    budgets: checkClaimBudgets(book, id),
    approval: pendingApproval(book, c, locale),
  };
}
