/**
 * Every table and column of a migrated book with its storage kind ('?' = may be null), as a
 * value the test can compare with the live schema (columns.test.ts). `satisfies Columns` makes
 * the compiler hold this list equal to the DB type: a table or column missing on either side,
 * or a nullability or kind that differs, fails the typecheck.
 */
import type { Selectable } from 'kysely';
import type { DB } from './index';

type Kind<V> = V extends string ? 'text' : V extends number ? 'int' : V extends Uint8Array ? 'blob' : never;
/** The descriptor a column's selected TypeScript type calls for. */
export type ColumnKind<V> = null extends V ? `${Kind<NonNullable<V>>}?` : Kind<V>;
type Columns = { [T in keyof DB]: { [C in keyof Selectable<DB[T]>]-?: ColumnKind<Selectable<DB[T]>[C]> } };

export const COLUMNS = {
  _migration: { id: 'text', applied_at: 'text' },
  account: { code: 'text', name: 'text', parent_code: 'text?', type: 'text', normal_side: 'text', active: 'int', dims: 'text' },
  alloc_line: { id: 'int', run_id: 'int', pool_no: 'int', customer_id: 'int?', department_id: 'int?', driver_value: 'int', driver_total: 'int', amount_fen: 'int' },
  alloc_rule: { id: 'int', rule_set: 'text', seq: 'int', name: 'text', method: 'text', accounts: 'text', department_id: 'int?', driver: 'text', target: 'text', active: 'int' },
  alloc_run: { id: 'int', period: 'text', rule_set: 'text', rules_json: 'text', total_fen: 'int', voucher_id: 'int?', created_at: 'text', created_by: 'text' },
  app_user: { id: 'int', name: 'text', display_name: 'text', role: 'text', employee_id: 'int?', password_hash: 'text?', active: 'int', created_at: 'text' },
  approval_level: { step: 'int', role: 'text', above_fen: 'int' },
  audit_head: { k: 'int', last_id: 'int', hash: 'text', records: 'int', tag: 'text?' },
  audit_log: { id: 'int', at: 'text', user: 'text', action: 'text', entity: 'text', entity_id: 'text', before: 'text?', after: 'text?', prev_hash: 'text', hash: 'text' },
  book_meta: { key: 'text', value: 'text' },
  budget: { id: 'int', name: 'text', period_kind: 'text', period: 'text', employee_id: 'int?', department_id: 'int?', customer_id: 'int?', category_id: 'int?', amount_fen: 'int', warn_pct: 'int', alert_pct: 'int', hard_block: 'int', created_at: 'text', created_by: 'text' },
  category: { id: 'int', code: 'text', name: 'text', name_en: 'text', synonyms: 'text', account_code: 'text', is_client: 'int', active: 'int' },
  claim: { id: 'int', employee_id: 'int', title: 'text', status: 'text', total_fen: 'int', tax_fen: 'int', batch_id: 'int?', reject_reason: 'text?', accrual_voucher_id: 'int?', settlement_voucher_id: 'int?', created_at: 'text', created_by: 'text', submitted_at: 'text?', approved_at: 'text?', paid_at: 'text?', form_no: 'text?' },
  claim_line: { id: 'int', claim_id: 'int', line_no: 'int', date: 'text', category_id: 'int', customer_id: 'int?', department_id: 'int?', description: 'text', invoice_no: 'text?', invoice_type: 'text', amount_fen: 'int', tax_fen: 'int', receipt: 'int' },
  claim_receipt: { id: 'int', claim_id: 'int', line_no: 'int?', file_name: 'text', size: 'int', sha256: 'text', data: 'blob', added_at: 'text', added_by: 'text' },
  claim_step: { id: 'int', claim_id: 'int', step: 'int', action: 'text', role: 'text', user: 'text', at: 'text', comment: 'text' },
  customer: { id: 'int', code: 'text', name: 'text', name_key: 'text', tier: 'text', manager_id: 'int?', active: 'int', batch_id: 'int?', vat_rate: 'int?' },
  department: { id: 'int', code: 'text', name: 'text', name_key: 'text', is_service: 'int', active: 'int' },
  driver_value: { id: 'int', period: 'text', driver: 'text', customer_id: 'int', value_milli: 'int', batch_id: 'int?' },
  employee: { id: 'int', code: 'text', name: 'text', name_key: 'text', department_id: 'int?', approver_id: 'int?', active: 'int', batch_id: 'int?' },
  import_batch: { id: 'int', kind: 'text', mode: 'text', file_name: 'text', file_hash: 'text', sheets: 'text', rows_read: 'int', accepted: 'int', rejected: 'int', duplicates: 'int', skipped: 'int', total_fen: 'int', summary: 'text', created_at: 'text', created_by: 'text', undone_at: 'text?', undone_by: 'text?' },
  import_line: { id: 'int', batch_id: 'int', fingerprint: 'text', invoice_no: 'text?', sheet: 'text', row: 'int' },
  import_mapping: { shape: 'text', kind: 'text', mapping: 'text', updated_at: 'text' },
  import_reject: { id: 'int', batch_id: 'int', sheet: 'text', row: 'int', code: 'text', params: 'text', header: 'text', cells: 'text' },
  invoice: { id: 'int', invoice_key: 'text', number: 'text', code: 'text', seller_tax_id: 'text', seller_name: 'text', buyer_tax_id: 'text', buyer_name: 'text', issue_date: 'text?', amount_fen: 'int', tax_fen: 'int', total_fen: 'int', kind: 'text', special: 'int', status: 'text', voided: 'int', source: 'text', batch_id: 'int?', created_at: 'text' },
  ledger_total: { period: 'text', account_code: 'text', debit_fen: 'int', credit_fen: 'int' },
  period: { period: 'text', status: 'text', closed_at: 'text?', closed_by: 'text?' },
  policy_rule: { id: 'int', kind: 'text', action: 'text', amount_fen: 'int?', days: 'int?', category_code: 'text?', employee_id: 'int?', department_id: 'int?', customer_tier: 'text?', active: 'int', note: 'text' },
  row_log: { id: 'int', tbl: 'text', row_id: 'text', op: 'text', row_json: 'text', sealed_hash: 'text?' },
  row_log_head: { k: 'int', last_id: 'int', hash: 'text', tag: 'text?' },
  schedule: { id: 'int', kind: 'text', name: 'text', total_fen: 'int', first_period: 'text', periods: 'int', debit_account: 'text', credit_account: 'text', customer_id: 'int?', employee_id: 'int?', department_id: 'int?', memo: 'text', creation_voucher_id: 'int?', active: 'int', created_at: 'text' },
  schedule_entry: { schedule_id: 'int', period_no: 'int', period: 'text', amount_fen: 'int', voucher_id: 'int', posted_at: 'text' },
  timesheet: { id: 'int', date: 'text', period: 'text', employee_id: 'int', customer_id: 'int', hours_milli: 'int', memo: 'text', batch_id: 'int?' },
  voucher: { id: 'int', period: 'text', number: 'int?', date: 'text', status: 'text', memo: 'text', source_type: 'text?', source_id: 'int?', reverses_id: 'int?', created_at: 'text', created_by: 'text', posted_at: 'text?', posted_by: 'text?', word: 'text', word_no: 'int?', attachments: 'int', reviewed_at: 'text?', reviewed_by: 'text?', review_kind: 'text?' },
  voucher_line: { id: 'int', voucher_id: 'int', line_no: 'int', period: 'text', posted: 'int', account_code: 'text', debit_fen: 'int', credit_fen: 'int', memo: 'text', customer_id: 'int?', employee_id: 'int?', department_id: 'int?', category_id: 'int?' },
  voucher_renumber: { period: 'text' },
} as const satisfies Columns;
