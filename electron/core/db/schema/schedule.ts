/** Row types for migration 0301: amortization and deferral schedules and their posted entries. */
import type { Generated } from 'kysely';

export interface ScheduleTable {
  id: Generated<number>;
  kind: 'amortization' | 'deferral';
  name: string;
  total_fen: number;
  first_period: string;
  periods: number;
  debit_account: string;
  credit_account: string;
  customer_id: number | null;
  employee_id: number | null;
  department_id: number | null;
  memo: Generated<string>;
  creation_voucher_id: number | null;
  active: Generated<number>;
  created_at: string;
}

export interface ScheduleEntryTable {
  schedule_id: number;
  period_no: number;
  period: string;
  amount_fen: number;
  voucher_id: number;
  posted_at: string;
}
