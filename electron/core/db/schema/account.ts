export type AccountType = 'asset' | 'liability' | 'equity' | 'cost' | 'revenue' | 'expense';
export type Side = 'debit' | 'credit';

export interface AccountTable {
  code: string;
  name: string;
  parent_code: string | null;
  type: AccountType;
  normal_side: Side;
  active: number;
  /** Comma list of required dimensions: customer, employee, department. */
  dims: string;
}
