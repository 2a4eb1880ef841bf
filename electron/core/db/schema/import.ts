import type { Generated } from 'kysely';

export interface ImportBatchTable {
  id: Generated<number>;
  kind: string;
  mode: Generated<string>;
  file_name: string;
  file_hash: string;
  /** JSON: per-sheet counts. The counts are filled in when the import ends (their defaults until then). */
  sheets: Generated<string>;
  rows_read: Generated<number>;
  accepted: Generated<number>;
  rejected: Generated<number>;
  duplicates: Generated<number>;
  skipped: Generated<number>;
  total_fen: Generated<number>;
  /** JSON: the rest of the import summary (byCategory, created masters, duplicate rows). */
  summary: Generated<string>;
  created_at: string;
  created_by: string;
  undone_at: string | null;
  undone_by: string | null;
}

export interface ImportLineTable {
  id: Generated<number>;
  batch_id: number;
  fingerprint: string;
  invoice_no: string | null;
  sheet: string;
  row: number;
}

export interface ImportRejectTable {
  id: Generated<number>;
  batch_id: number;
  sheet: string;
  row: number;
  code: string;
  params: string;
  header: string;
  cells: string;
}

export interface ImportMappingTable {
  shape: string;
  kind: string;
  mapping: string;
  updated_at: string;
}
