/**
 * The approval chain by amount (docs/domain.md: Expense claims and approvals). A level applies
 * when the claim's total is above its threshold; the default chain is: up to 2,000 the
 * manager; up to 10,000 also finance; above that also the general manager.
 * Which user roles may approve which step: a manager step by a manager, an approver or an
 * admin; a finance step by an accountant or an admin; a general-manager step by an admin.
 */
import { UserError } from '../../../shared/errors';
import type { ChainStepRow } from '../../../shared/contract/claims';
import type { ApprovalLevelRow } from '../../../shared/contract/policy';
import type { UserRole } from '../../../shared/contract/users';
import type { Book } from '../book/book';
import { builder } from '../db/query';
import { precompiled } from '../db/precompiled';
import type { ApprovalRole } from '../db/schema/claims-control';

const MAY_APPROVE: Record<ApprovalRole, UserRole[]> = {
  manager: ['manager', 'approver', 'admin'],
  finance: ['accountant', 'admin'],
  gm: ['admin'],
};

export const mayApprove = (step: ApprovalRole, role: UserRole): boolean => MAY_APPROVE[step].includes(role);
export const mayPay = (role: UserRole): boolean => role === 'accountant' || role === 'admin';

/* Compiled once (db/precompiled.ts): each approve and the claim screen read both. */
const LEVELS = builder.selectFrom('approval_level').selectAll().orderBy('step').compile();
const levelsQuery = { compile: () => LEVELS };
const stepsQuery = precompiled((claimId: number) => builder.selectFrom('claim_step').select(['id', 'action', 'user', 'at', 'role']).where('claim_id', '=', claimId).orderBy('id'), 1);

export const approvalLevels = (book: Book): ApprovalLevelRow[] =>
  book.db.all(levelsQuery).map((l) => ({ step: l.step, role: l.role, aboveFen: l.above_fen }));

/** The levels a claim of this total must pass, in order. */
export const requiredLevels = (book: Book, totalFen: number): ApprovalLevelRow[] => approvalLevels(book).filter((l) => totalFen > l.aboveFen);

/** Replaces the chain: thresholds must start at 0 and increase. */
export function setChain(book: Book, levels: { role: ApprovalRole; aboveFen: number }[]): ApprovalLevelRow[] {
  if (levels[0]?.aboveFen !== 0 || levels.some((l, i) => i > 0 && l.aboveFen <= levels[i - 1]!.aboveFen)) throw new UserError('approval.badChain');
  const before = approvalLevels(book);
  book.db.run(book.q.deleteFrom('approval_level'));
  levels.forEach((l, i) => book.db.run(book.q.insertInto('approval_level').values({ step: i + 1, role: l.role, above_fen: l.aboveFen })));
  book.audit({ action: 'approval.setChain', entity: 'approval_level', entityId: 'chain', before, after: levels });
  return approvalLevels(book);
}

interface StepRecord {
  id: number;
  action: string;
  user: string;
  at: string;
  role: string;
}

/** Approvals since the claim was last submitted (a rejection starts the chain again). */
export function currentApprovals(book: Book, claimId: number): StepRecord[] {
  const steps: StepRecord[] = book.db.all(stepsQuery(claimId));
  const lastSubmit = steps.map((s) => s.action).lastIndexOf('submit');
  return steps.slice(lastSubmit + 1).filter((s) => s.action === 'approve');
}

/** The chain as the claim screen shows it: done steps with who and when, the pending one, the rest. */
export function chainState(book: Book, claimId: number, totalFen: number, status: string): ChainStepRow[] {
  const levels = requiredLevels(book, totalFen);
  const done = status === 'draft' ? [] : currentApprovals(book, claimId);
  return levels.map((l, i) => {
    const d = done[i];
    if (d) return { step: l.step, role: l.role, state: 'done', user: d.user, at: d.at };
    return { step: l.step, role: l.role, state: status === 'submitted' && i === done.length ? 'pending' : 'waiting', user: null, at: null };
  });
}
