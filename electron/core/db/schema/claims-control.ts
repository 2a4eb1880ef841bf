/** Row types for migration 0201: users, policy rules, approval chain, budgets, receipts. */
import type { Generated } from 'kysely';

export type UserRole = 'accountant' | 'approver' | 'manager' | 'admin';

export interface AppUserTable {
  id: Generated<number>;
  name: string;
  display_name: string;
  role: UserRole;
  employee_id: number | null;
  /** `scrypt$<salt hex>$<hash hex>`, or null: no password. */
  password_hash: string | null;
  active: Generated<number>;
  created_at: string;
}

export type PolicyKind =
  | 'item_cap'
  | 'day_cap'
  | 'month_cap'
  | 'receipt_required'
  | 'invoice_required'
  | 'duplicate_invoice'
  | 'future_date'
  | 'old_date'
  | 'weekend'
  | 'customer_required';

export interface PolicyRuleTable {
  id: Generated<number>;
  kind: PolicyKind;
  action: 'warn' | 'block';
  amount_fen: number | null;
  days: number | null;
  category_code: string | null;
  employee_id: number | null;
  department_id: number | null;
  customer_tier: string | null;
  active: number;
  note: string;
}

export type ApprovalRole = 'manager' | 'finance' | 'gm';

export interface ApprovalLevelTable {
  step: number;
  role: ApprovalRole;
  above_fen: number;
}

export type BudgetPeriodKind = 'month' | 'quarter' | 'year';

export interface BudgetTable {
  id: Generated<number>;
  name: string;
  period_kind: BudgetPeriodKind;
  /** `2026-03`, `2026-Q1` or `2026`. */
  period: string;
  employee_id: number | null;
  department_id: number | null;
  customer_id: number | null;
  category_id: number | null;
  amount_fen: number;
  warn_pct: number;
  alert_pct: number;
  hard_block: number;
  created_at: string;
  created_by: string;
}

export interface ClaimReceiptTable {
  id: Generated<number>;
  claim_id: number;
  line_no: number | null;
  file_name: string;
  size: number;
  sha256: string;
  data: Buffer;
  added_at: string;
  added_by: string;
}
