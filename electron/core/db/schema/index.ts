/**
 * The database type: every table's row interface, by table name. Complete by construction:
 * columns.ts lists every column with its storage kind, the compiler holds that list equal to
 * this type, and columns.test.ts holds it equal to the schema a freshly migrated book has.
 */
import type { AccountTable } from './account';
import type { AllocLineTable, AllocRuleTable, AllocRunTable } from './allocation';
import type { AuditLogTable } from './audit';
import type { BookMetaTable, MigrationTable } from './book-meta';
import type { CategoryTable, CustomerTable, DepartmentTable, EmployeeTable } from './dimensions';
import type { PeriodTable, VoucherLineTable, VoucherRenumberTable, VoucherTable } from './voucher';
import type { ClaimLineTable, ClaimStepTable, ClaimTable } from './claim';
import type { AppUserTable, ApprovalLevelTable, BudgetTable, ClaimReceiptTable, PolicyRuleTable } from './claims-control';
import type { DriverValueTable, TimesheetTable } from './drivers';
import type { ImportBatchTable, ImportLineTable, ImportMappingTable, ImportRejectTable } from './import';
import type { AuditHeadTable, LedgerTotalTable, RowLogHeadTable, RowLogTable } from './integrity';
import type { InvoiceTable } from './invoice';
import type { ScheduleEntryTable, ScheduleTable } from './schedule';

export interface DB {
  _migration: MigrationTable;
  book_meta: BookMetaTable;
  account: AccountTable;
  department: DepartmentTable;
  employee: EmployeeTable;
  customer: CustomerTable;
  category: CategoryTable;
  period: PeriodTable;
  voucher: VoucherTable;
  voucher_line: VoucherLineTable;
  voucher_renumber: VoucherRenumberTable;
  ledger_total: LedgerTotalTable;
  audit_log: AuditLogTable;
  audit_head: AuditHeadTable;
  row_log: RowLogTable;
  row_log_head: RowLogHeadTable;
  claim: ClaimTable;
  claim_line: ClaimLineTable;
  claim_step: ClaimStepTable;
  app_user: AppUserTable;
  policy_rule: PolicyRuleTable;
  approval_level: ApprovalLevelTable;
  budget: BudgetTable;
  claim_receipt: ClaimReceiptTable;
  driver_value: DriverValueTable;
  timesheet: TimesheetTable;
  schedule: ScheduleTable;
  schedule_entry: ScheduleEntryTable;
  alloc_rule: AllocRuleTable;
  alloc_run: AllocRunTable;
  alloc_line: AllocLineTable;
  invoice: InvoiceTable;
  import_batch: ImportBatchTable;
  import_line: ImportLineTable;
  import_reject: ImportRejectTable;
  import_mapping: ImportMappingTable;
}
