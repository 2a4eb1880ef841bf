/** Row types for migrations 0301 and 0601: allocation rules, runs and their lines. */
import type { Generated } from 'kysely';

export interface AllocRuleTable {
  id: Generated<number>;
  rule_set: Generated<string>;
  seq: number;
  name: string;
  method: 'single' | 'stepdown' | 'activity';
  /** Comma list of account codes whose balance is the pool. */
  accounts: string;
  department_id: number | null;
  driver: string;
  /** JSON of the rule's target (contract/allocation.ts). */
  target: Generated<string>;
  active: Generated<number>;
}

export interface AllocRunTable {
  id: Generated<number>;
  period: string;
  rule_set: string;
  rules_json: string;
  total_fen: number;
  voucher_id: number | null;
  created_at: string;
  created_by: string;
}

export interface AllocLineTable {
  id: Generated<number>;
  run_id: number;
  pool_no: number;
  customer_id: number | null;
  department_id: number | null;
  driver_value: number;
  driver_total: number;
  amount_fen: number;
}
