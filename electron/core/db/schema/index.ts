/** The database type: every table's row interface, by table name. */
import type { AccountTable } from './account';
import type { AuditLogTable } from './audit';
import type { BookMetaTable } from './book-meta';
import type { CategoryTable, CustomerTable, DepartmentTable, EmployeeTable } from './dimensions';
import type { PeriodTable, VoucherLineTable, VoucherTable } from './voucher';
import type { ClaimLineTable, ClaimStepTable, ClaimTable } from './claim';
import type { AppUserTable, ApprovalLevelTable, BudgetTable, ClaimReceiptTable, PolicyRuleTable } from './claims-control';
import type { DriverValueTable, TimesheetTable } from './drivers';
import type { ImportBatchTable, ImportLineTable, ImportMappingTable, ImportRejectTable } from './import';

export interface DB {
  book_meta: BookMetaTable;
  account: AccountTable;
  department: DepartmentTable;
  employee: EmployeeTable;
  customer: CustomerTable;
  category: CategoryTable;
  period: PeriodTable;
  voucher: VoucherTable;
  voucher_line: VoucherLineTable;
  audit_log: AuditLogTable;
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
  import_batch: ImportBatchTable;
  import_line: ImportLineTable;
  import_reject: ImportRejectTable;
  import_mapping: ImportMappingTable;
}
