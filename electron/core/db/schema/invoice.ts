/** Row type for migration 0110: invoices read from 数电票 files and imports. */
import type { Generated } from 'kysely';

export interface InvoiceTable {
  id: Generated<number>;
  invoice_key: string;
  number: string;
  code: Generated<string>;
  seller_tax_id: Generated<string>;
  seller_name: Generated<string>;
  buyer_tax_id: Generated<string>;
  buyer_name: Generated<string>;
  issue_date: string | null;
  amount_fen: number;
  tax_fen: number;
  total_fen: number;
  kind: Generated<string>;
  special: Generated<number>;
  status: Generated<string>;
  voided: Generated<number>;
  source: Generated<string>;
  batch_id: number | null;
  created_at: string;
}
