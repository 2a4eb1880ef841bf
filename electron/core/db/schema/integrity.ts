/** Row types of the tables that keep the book checkable: the per-account totals, the row log and the chain heads. */
import type { Generated } from 'kysely';

/** Posted debit and credit per period and account, kept by triggers (migration 0500). */
export interface LedgerTotalTable {
  period: string;
  account_code: string;
  debit_fen: Generated<number>;
  credit_fen: Generated<number>;
}

/** One write to a covered table, filled by triggers (migration 0600, book/row-log.ts). */
export interface RowLogTable {
  id: Generated<number>;
  tbl: string;
  row_id: string;
  op: string;
  row_json: string;
  sealed_hash: string | null;
}

/** The row log's sealed head: one row, k = 1. */
export interface RowLogHeadTable {
  k: number;
  last_id: number;
  hash: string;
  tag: string | null;
}

/** The audit chain's head: one row, k = 1 (migration 0900). */
export interface AuditHeadTable {
  k: number;
  last_id: number;
  hash: string;
  records: number;
  tag: string | null;
}
