/**
 * Master data channels: customers, employees, departments, expense categories and the
 * pickers' lookup (the chart of accounts is accounts.ts). Names are matched after NFKC (shared/text.ts nameKey).
 */
import { z } from 'zod';
import { channel, type Page } from './define';
import { accountCode, id, name, ref, searchPageArgs } from './primitives';

export interface CustomerRow {
  id: number;
  code: string;
  name: string;
  tier: string;
  managerId: number | null;
  managerName: string | null;
  active: boolean;
}

export interface EmployeeRow {
  id: number;
  code: string;
  name: string;
  departmentId: number | null;
  departmentName: string | null;
  approverId: number | null;
  approverName: string | null;
  active: boolean;
}

export interface DepartmentRow {
  id: number;
  code: string;
  name: string;
  isService: boolean;
  active: boolean;
}

export interface CategoryRow {
  id: number;
  code: string;
  name: string;
  nameEn: string;
  synonyms: string[];
  accountCode: string;
  accountName: string;
  isClient: boolean;
  active: boolean;
}

export interface LookupItem {
  /** Account code, or the customer / employee / department id. */
  id: string | number;
  code: string;
  name: string;
  /** Extra context: an account's full path, a customer's tier, an employee's department. */
  hint: string;
}

const code = z.string().trim().min(1).max(32);
const pageArgs = { ...searchPageArgs, includeInactive: z.boolean().optional() };
const setActive = z.object({ id, active: z.boolean() });

export const mastersChannels = {
  'customers.page': channel<Page<CustomerRow>>()(z.object(pageArgs)),
  'customers.create': channel<CustomerRow>()(z.object({ code: code.optional(), name, tier: z.string().max(20).default(''), managerId: ref })),
  'customers.update': channel<CustomerRow>()(z.object({ id, code: code.optional(), name: name.optional(), tier: z.string().max(20).optional(), managerId: ref })),
  'customers.setActive': channel<CustomerRow>()(setActive),
  'employees.page': channel<Page<EmployeeRow>>()(z.object(pageArgs)),
  'employees.create': channel<EmployeeRow>()(z.object({ code: code.optional(), name, departmentId: ref, approverId: ref })),
  'employees.update': channel<EmployeeRow>()(z.object({ id, code: code.optional(), name: name.optional(), departmentId: ref, approverId: ref })),
  'employees.setActive': channel<EmployeeRow>()(setActive),
  'departments.list': channel<DepartmentRow[]>()(z.object({ includeInactive: z.boolean().optional() })),
  'departments.create': channel<DepartmentRow>()(z.object({ code: code.optional(), name, isService: z.boolean().default(false) })),
  'departments.update': channel<DepartmentRow>()(z.object({ id, code: code.optional(), name: name.optional(), isService: z.boolean().optional() })),
  'departments.setActive': channel<DepartmentRow>()(setActive),
  'categories.list': channel<CategoryRow[]>()(z.object({})),
  'categories.update': channel<CategoryRow>()(
    z.object({ id, name: name.optional(), nameEn: z.string().trim().max(100).optional(), synonyms: z.array(z.string().trim().min(1).max(50)).max(50).optional(), accountCode: accountCode.optional(), active: z.boolean().optional() }),
  ),
  /** Picker search by code, name or pinyin initials ("clf" → 差旅费). */
  'masters.lookup': channel<LookupItem[]>()(
    z.object({ kind: z.enum(['account', 'customer', 'employee', 'department']), q: z.string().max(100), limit: z.number().int().min(1).max(100).default(20), leafOnly: z.boolean().optional() }),
  ),
};
