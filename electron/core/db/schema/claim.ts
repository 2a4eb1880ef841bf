import type { Generated } from 'kysely';

export type ClaimStatus = 'draft' | 'submitted' | 'approved' | 'paid';

export interface ClaimTable {
  id: Generated<number>;
  employee_id: number;
  title: string;
  status: ClaimStatus;
  total_fen: number;
  tax_fen: number;
  batch_id: number | null;
  reject_reason: string | null;
  accrual_voucher_id: number | null;
  settlement_voucher_id: number | null;
  created_at: string;
  created_by: string;
  submitted_at: string | null;
  approved_at: string | null;
  paid_at: string | null;
  /** The 单据编号 of the 费用报销单 form it was imported from. */
  form_no: string | null;
}

export interface ClaimLineTable {
  id: Generated<number>;
  claim_id: number;
  line_no: number;
  date: string;
  category_id: number;
  customer_id: number | null;
  department_id: number | null;
  description: string;
  invoice_no: string | null;
  invoice_type: string;
  amount_fen: number;
  tax_fen: number;
  receipt: number;
}

export interface ClaimStepTable {
  id: Generated<number>;
  claim_id: number;
  step: number;
  action: 'submit' | 'approve' | 'reject' | 'pay';
  role: string;
  user: string;
  at: string;
  comment: string;
}
