/**
 * Claims (报销单), approvals, expense policy, budgets and the book's users.
 * Money in fen. Violations carry their message in the UI language.
 */
import { z } from 'zod';
import { fenSchema } from './fen';
import { channel } from './define';

const id = z.number().int().positive();
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD');
const fen = fenSchema;

export const userRoleSchema = z.enum(['accountant', 'approver', 'manager', 'admin']);
export type UserRole = z.infer<typeof userRoleSchema>;
export const claimStatusSchema = z.enum(['draft', 'submitted', 'approved', 'paid']);
export type ClaimStatus = z.infer<typeof claimStatusSchema>;

export interface UserRow {
  id: number;
  name: string;
  displayName: string;
  role: UserRole;
  employeeId: number | null;
  employeeName: string | null;
  hasPassword: boolean;
  active: boolean;
}

export interface ViolationRow {
  ruleId: number;
  kind: string;
  line: number;
  action: 'warn' | 'block';
  message: string;
}

export interface BudgetCheck {
  budgetId: number;
  name: string;
  /** Who or what the budget covers (销售一部 · 客户礼品费): same-named budgets told apart. */
  scope: string;
  period: string;
  amountFen: number;
  actualFen: number;
  committedFen: number;
  /** This claim's part, included in committed once it is submitted. */
  claimFen: number;
  projectedFen: number;
  level: 'ok' | 'warn' | 'alert';
  hardBlock: boolean;
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
  customerId: id.nullish(),
  departmentId: id.nullish(),
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

export interface PolicyRuleRow {
  id: number;
  kind: string;
  action: 'warn' | 'block';
  amountFen: number | null;
  days: number | null;
  categoryCode: string | null;
  employeeId: number | null;
  departmentId: number | null;
  customerTier: string | null;
  active: boolean;
  note: string;
}

export const policyKindSchema = z.enum([
  'item_cap',
  'day_cap',
  'month_cap',
  'receipt_required',
  'invoice_required',
  'duplicate_invoice',
  'future_date',
  'old_date',
  'weekend',
  'customer_required',
]);

export interface ApprovalLevelRow {
  step: number;
  role: 'manager' | 'finance' | 'gm';
  aboveFen: number;
}

export interface BudgetRow {
  id: number;
  name: string;
  periodKind: 'month' | 'quarter' | 'year';
  period: string;
  employeeId: number | null;
  departmentId: number | null;
  customerId: number | null;
  categoryId: number | null;
  scope: string;
  amountFen: number;
  warnPct: number;
  alertPct: number;
  hardBlock: boolean;
  actualFen: number;
  committedFen: number;
  remainingFen: number;
  usedPct: number;
  level: 'ok' | 'warn' | 'alert';
}

export interface Option {
  id: number;
  code: string;
  name: string;
  extra?: string;
}

export const claimsChannels = {
  'users.list': channel<{ current: UserRow | null; users: UserRow[] }>()(z.object({})),
  'users.create': channel<UserRow>()(
    z.object({
      name: z.string().trim().min(1).max(60),
      displayName: z.string().max(100).optional(),
      role: userRoleSchema,
      employeeId: id.nullish(),
      password: z.string().max(200).optional(),
    }),
  ),
  'users.update': channel<UserRow>()(
    z.object({ id, role: userRoleSchema.optional(), employeeId: id.nullish(), displayName: z.string().max(100).optional(), password: z.string().max(200).optional(), active: z.boolean().optional() }),
  ),
  'users.login': channel<{ user: string }>()(z.object({ name: z.string().min(1).max(60), password: z.string().max(200).optional() })),

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
    z.object({ id, date: isoDate.optional(), account: z.string().regex(/^\d{4}(\d{2}){0,2}$/, 'account code').optional(), comment: z.string().max(500).optional() }),
  ),
  'claims.attach': channel<ReceiptRow>()(z.object({ id, lineNo: z.number().int().positive().nullish(), path: z.string().min(1).max(1024) })),
  /** Writes a stored receipt to `path` (from the save dialog), or to a temporary folder. */
  'claims.receipt': channel<{ path: string }>()(z.object({ receiptId: id, path: z.string().min(1).max(1024).optional() })),
  'claims.detach': channel<{ deleted: boolean }>()(z.object({ receiptId: id })),

  'policy.list': channel<{ rules: PolicyRuleRow[]; chain: ApprovalLevelRow[] }>()(z.object({})),
  'policy.save': channel<PolicyRuleRow>()(
    z.object({
      id: id.optional(),
      kind: policyKindSchema,
      action: z.enum(['warn', 'block']),
      amountFen: fen.min(0).nullish(),
      days: z.number().int().min(0).nullish(),
      categoryCode: z.string().max(40).nullish(),
      employeeId: id.nullish(),
      departmentId: id.nullish(),
      customerTier: z.string().max(40).nullish(),
      active: z.boolean().default(true),
      note: z.string().max(200).optional(),
    }),
  ),
  'policy.delete': channel<{ deleted: boolean }>()(z.object({ id })),
  'policy.setChain': channel<ApprovalLevelRow[]>()(
    z.object({ levels: z.array(z.object({ role: z.enum(['manager', 'finance', 'gm']), aboveFen: fen.min(0) })).min(1).max(6) }),
  ),

  'budgets.list': channel<BudgetRow[]>()(z.object({ period: z.string().max(10).optional() })),
  'budgets.save': channel<BudgetRow>()(
    z.object({
      id: id.optional(),
      name: z.string().max(100).optional(),
      periodKind: z.enum(['month', 'quarter', 'year']),
      period: z.string().max(10),
      employeeId: id.nullish(),
      departmentId: id.nullish(),
      customerId: id.nullish(),
      categoryId: id.nullish(),
      amountFen: fen.positive(),
      warnPct: z.number().int().min(1).max(1000).default(80),
      alertPct: z.number().int().min(1).max(1000).default(100),
      hardBlock: z.boolean().default(false),
    }),
  ),
  'budgets.delete': channel<{ deleted: boolean }>()(z.object({ id })),
};
