import type { Generated } from 'kysely';

export interface DepartmentTable {
  id: Generated<number>;
  code: string;
  name: string;
  /** NFKC-normalized, trimmed name: the key names are matched on. */
  name_key: string;
  is_service: number;
  active: Generated<number>;
}

export interface EmployeeTable {
  id: Generated<number>;
  code: string;
  name: string;
  name_key: string;
  department_id: number | null;
  approver_id: number | null;
  active: Generated<number>;
  batch_id: number | null;
}

export interface CustomerTable {
  id: Generated<number>;
  code: string;
  name: string;
  name_key: string;
  tier: string;
  manager_id: number | null;
  active: Generated<number>;
  batch_id: number | null;
  /** Contract VAT rate in whole percent; null = the book's default (migration 0120). */
  vat_rate: Generated<number | null>;
}

export interface CategoryTable {
  id: Generated<number>;
  code: string;
  name: string;
  name_en: string;
  /** JSON array of names an import recognises. */
  synonyms: string;
  account_code: string;
  is_client: number;
  active: Generated<number>;
}
