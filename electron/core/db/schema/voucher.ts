import type { Generated } from 'kysely';

export interface PeriodTable {
  period: string;
  status: 'open' | 'closed';
  closed_at: string | null;
  closed_by: string | null;
}

export interface VoucherTable {
  id: Generated<number>;
  period: string;
  /** Assigned when posted: gapless per period. */
  number: number | null;
  date: string;
  status: 'draft' | 'posted';
  memo: string;
  source_type: string | null;
  source_id: number | null;
  reverses_id: number | null;
  created_at: string;
  created_by: string;
  posted_at: string | null;
  posted_by: string | null;
  /** 凭证字 (migration 0800). */
  word: Generated<'记' | '收' | '付' | '转'>;
  /** Gapless per 字 and period, assigned with `number` at posting. */
  word_no: number | null;
  /** 附单据张数. */
  attachments: Generated<number>;
  reviewed_at: string | null;
  reviewed_by: string | null;
  review_kind: 'other' | 'self' | 'generated' | null;
}

export interface VoucherLineTable {
  id: Generated<number>;
  voucher_id: number;
  line_no: number;
  period: string;
  posted: number;
  account_code: string;
  debit_fen: number;
  credit_fen: number;
  memo: string;
  customer_id: number | null;
  employee_id: number | null;
  department_id: number | null;
  category_id: number | null;
}

/** Periods whose posted vouchers are being renumbered: the one window the immutability trigger opens (migration 0800). */
export interface VoucherRenumberTable {
  period: string;
}
