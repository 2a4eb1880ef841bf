/**
 * Claims (报销单) and their approvals (budgets.ts, policy.ts and users.ts hold those features).
 * Money in fen. Violations carry their message in the UI language.
 */
import { z } from 'zod';
import { channel } from './define';
import { accountCode, fen, filePath, id, isoDate, ref } from './primitives';
import type { BudgetCheck } from './budgets';

export const claimStatusSchema = z.enum(['draft', 'submitted', 'approved', 'paid']);
export type ClaimStatus = z.infer<typeof claimStatusSchema>;

export interface ViolationRow {
  ruleId: number;
  kind: string;
  line: number;
  action: 'warn' | 'block';
  message: string;
}

export interface ClaimListRow {
  id: number;
  employeeId: number;
  employeeName: string;
  title: string;
  status: ClaimStatus;
  totalFen: number;
  taxFen: number;
  lines: number;
  createdAt: string;
  submittedAt: string | null;
  approvedAt: string | null;
  paidAt: string | null;
  rejectReason: string | null;
  /** Role of the step waiting for approval (submitted claims). */
  pendingRole: string | null;
}

export interface ClaimLineRow {
  lineNo: number;
  date: string;
  categoryId: number;
  categoryName: string;
  customerId: number | null;
  customerName: string | null;
  departmentId: number | null;
  description: string;
  invoiceNo: string | null;
  invoiceType: string;
  amountFen: number;
  /** The tax the line's invoice states (税额). */
  taxFen: number;
  /** What posting deducts as input VAT by the invoice type (vat/input.ts), as the book is now. */
  deductibleTaxFen: number;
  /** Why nothing is deducted where the rule needs a fact the line lacks, in the UI language. */
  vatNote: string | null;
  receipt: boolean;
}

export interface ClaimStepRow {
  step: number;
  action: 'submit' | 'approve' | 'reject' | 'pay';
  role: string;
  user: string;
  at: string;
  comment: string;
}

export interface ChainStepRow {
  step: number;
  role: string;
  state: 'done' | 'pending' | 'waiting';
  user: string | null;
  at: string | null;
}

export interface ReceiptRow {
  id: number;
  lineNo: number | null;
  fileName: string;
  size: number;
  addedAt: string;
  addedBy: string;
}

/** The next approval as the acting user meets it: whom it waits for, whether they may give it, and what it will post. */
export interface PendingApproval {
  /** Role of the pending step (manager, finance, gm). */
  role: string;
  /** The claimant's named approver when the step is the manager's. */
  approver: string | null;
  /** Whether the acting user may approve this step now; `why` says why not (UI language). */
  mayApprove: boolean;
  why: string | null;
  /** This approval completes the chain and posts the accrual voucher(s). */
  final: boolean;
  /** Each accrual voucher's date; `moved` when its expense month is closed or before the book starts. */
  accruals: { month: string; date: string; moved: 'closed' | 'beforeStart' | null }[];
}

export interface ClaimDetail extends ClaimListRow {
  createdBy: string;
  accrualVoucher: string | null;
  settlementVoucher: string | null;
  lineRows: ClaimLineRow[];
  violations: ViolationRow[];
  steps: ClaimStepRow[];
  chain: ChainStepRow[];
  receipts: ReceiptRow[];
  budgets: BudgetCheck[];
  /** Submitted claims only. */
  approval: PendingApproval | null;
}

export const claimLineSchema = z.object({
  date: isoDate,
  categoryId: id,
  customerId: ref,
  departmentId: ref,
  description: z.string().max(500).optional(),
  invoiceNo: z.string().max(64).nullish(),
  invoiceType: z.string().max(40).optional(),
  amountFen: fen,
  taxFen: fen.optional(),
  receipt: z.boolean().optional(),
});

export interface ClaimActionResult {
  claim: ClaimDetail;
  /** Warnings that did not stop the action (policy warnings, budget warnings). */
  warnings: string[];
  voucher: string | null;
}

export interface Option {
  id: number;
  code: string;
  name: string;
  extra?: string;
}

export const claimsChannels = {
  /** awaitingMe: submitted claims whose pending step the acting user may approve (not their own). */
  'claims.list': channel<ClaimListRow[]>()(z.object({ status: claimStatusSchema.optional(), employeeId: id.optional(), awaitingMe: z.boolean().optional() })),
  'claims.get': channel<ClaimDetail>()(z.object({ id })),
  /** payAccounts: the leaf bank and cash accounts a claim can be paid from (银行存款 first). */
  'claims.options': channel<{ employees: Option[]; categories: Option[]; customers: Option[]; departments: Option[]; payAccounts: { code: string; name: string }[] }>()(z.object({})),
  'claims.save': channel<ClaimDetail>()(
    z.object({ id: id.optional(), employeeId: id, title: z.string().max(200).optional(), lines: z.array(claimLineSchema).max(500) }),
  ),
  'claims.delete': channel<{ deleted: boolean }>()(z.object({ id })),
  'claims.evaluate': channel<ViolationRow[]>()(z.object({ employeeId: id, claimId: id.optional(), lines: z.array(claimLineSchema).max(500) })),
  'claims.submit': channel<ClaimActionResult>()(z.object({ id, comment: z.string().max(500).optional() })),
  'claims.approve': channel<ClaimActionResult>()(z.object({ id, comment: z.string().max(500).optional() })),
  'claims.reject': channel<ClaimActionResult>()(z.object({ id, reason: z.string().max(500) })),
  /** account: a bank or cash leaf account (default 银行存款); date: the payment date (default today). */
  'claims.pay': channel<ClaimActionResult>()(
    z.object({ id, date: isoDate.optional(), account: accountCode.optional(), comment: z.string().max(500).optional() }),
  ),
  'claims.attach': channel<ReceiptRow>()(z.object({ id, lineNo: ref, path: filePath })),
  /** Writes a stored receipt to `path` (from the save dialog), or to a temporary folder. */
  'claims.receipt': channel<{ path: string }>()(z.object({ receiptId: id, path: filePath.optional() })),
  'claims.detach': channel<{ deleted: boolean }>()(z.object({ receiptId: id })),
};
