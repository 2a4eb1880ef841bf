/** Claim channels: list, read, edit drafts, evaluate, the workflow actions, receipts. Each action is one transaction. */
import type { ClaimActionResult } from '../../../shared/contract/claims';
import type { Book } from '../book/book';
import { defineHandlers } from '../service/handlers';
import type { Session } from '../service/session';
import { evaluateLines } from '../policy/evaluate';
import { claimDetail } from './detail';
import { mayApprove } from './chain';
import { findUser } from '../users/users';
import type { ApprovalRole } from '../db/schema/claims-control';
import { deleteClaim, saveClaim } from './edit';
import { claimOptions, listClaims } from './queries';
import { attachReceipt, detachReceipt, exportReceipt } from './receipts';
import { approveClaim, payAccounts, payClaim, rejectClaim, submitClaim, type ActionOutcome } from './workflow';

function act(s: Session, id: number, fn: (book: Book) => ActionOutcome): ClaimActionResult {
  const book = s.requireBook();
  const out = book.tx(() => fn(book));
  return { claim: claimDetail(book, id, s.locale), ...out };
}

export const claimsHandlers = defineHandlers({
  'claims.list': (req, s) => {
    const book = s.requireBook();
    if (!req.awaitingMe) return listClaims(book, req);
    const me = findUser(book, s.user);
    if (!me) return [];
    return listClaims(book, { ...req, status: 'submitted' }).filter(
      (c) => c.pendingRole !== null && mayApprove(c.pendingRole as ApprovalRole, me.role) && c.employeeId !== me.employeeId,
    );
  },
  'claims.get': (req, s) => claimDetail(s.requireBook(), req.id, s.locale),
  'claims.options': (_req, s) => {
    const book = s.requireBook();
    return { ...claimOptions(book, s.locale), payAccounts: payAccounts(book) };
  },
  'claims.save': (req, s) => {
    const book = s.requireBook();
    const id = book.tx(() => saveClaim(book, req));
    return claimDetail(book, id, s.locale);
  },
  'claims.delete': (req, s) => {
    const book = s.requireBook();
    return { deleted: book.tx(() => deleteClaim(book, req.id)) };
  },
  'claims.evaluate': (req, s) =>
    evaluateLines(s.requireBook(), req.lines, { employeeId: req.employeeId, claimId: req.claimId ?? null, locale: s.locale }).map((v) => ({
      ruleId: v.ruleId,
      kind: v.kind,
      line: v.line,
      action: v.action,
      message: v.message,
    })),
  'claims.submit': (req, s) => act(s, req.id, (b) => submitClaim(b, req.id, req.comment ?? '', s.locale)),
  'claims.approve': (req, s) => act(s, req.id, (b) => approveClaim(b, req.id, req.comment ?? '', s.locale)),
  'claims.reject': (req, s) => act(s, req.id, (b) => rejectClaim(b, req.id, req.reason, s.locale)),
  'claims.pay': (req, s) => act(s, req.id, (b) => payClaim(b, req.id, req.date, req.comment ?? '', s.locale, req.account)),
  'claims.attach': (req, s) => {
    const book = s.requireBook();
    return book.tx(() => attachReceipt(book, req.id, req.lineNo ?? null, req.path));
  },
  'claims.receipt': (req, s) => ({ path: exportReceipt(s.requireBook(), req.receiptId, req.path) }),
  'claims.detach': (req, s) => {
    const book = s.requireBook();
    return { deleted: book.tx(() => detachReceipt(book, req.receiptId)) };
  },
});
