/**
 * Customers, employees and departments: create, update, (de)activate, page. One name per
 * person or company after NFKC folding (nameKey); codes are generated when not given.
 * These run inside the caller's transaction and audit each change with its after-state.
 */
import { UserError } from '../../../shared/errors';
import { cleanName, nameKey } from '../../../shared/text';
import type { CustomerRow, DepartmentRow, EmployeeRow } from '../../../shared/contract/masters';
import type { Page } from '../../../shared/contract/define';
import type { Book } from '../book/book';
import { auditMaster, snapshot, type MasterEntity } from './audit';
import { nextMasterCode } from './resolve';

type Party = 'customer' | 'employee' | 'department';
const PREFIX: Record<Party, string> = { customer: 'C', employee: 'E', department: 'D' };

/** The next free code: C0001 / E0001 as imports number them (resolve.ts); departments D01. */
function nextCode(book: Book, table: Party): string {
  if (table !== 'department') return nextMasterCode(book, table);
  let n = book.db.first(book.q.selectFrom('department').select((eb) => eb.fn.countAll<number>().as('n')))!.n + 1;
  for (;;) {
    const code = `${PREFIX[table]}${String(n).padStart(2, '0')}`;
    if (!book.db.first(book.q.selectFrom('department').select('id').where('code', '=', code))) return code;
    n++;
  }
}

function assertFree(book: Book, table: Party, fields: { code?: string | undefined; name?: string | undefined }, self?: number): void {
  if (fields.code !== undefined) {
    const hit = book.db.first(book.q.selectFrom(table).select('id').where('code', '=', fields.code));
    if (hit && hit.id !== self) throw new UserError('masters.codeTaken', { code: fields.code });
  }
  if (fields.name !== undefined) {
    const hit = book.db.first(book.q.selectFrom(table).select(['id', 'code']).where('name_key', '=', nameKey(fields.name)));
    if (hit && hit.id !== self) throw new UserError('masters.nameTaken', { entity: table, name: fields.name, code: hit.code });
  }
}

function assertRef(book: Book, table: Party, id: number | null | undefined): void {
  if (id == null) return;
  if (!book.db.first(book.q.selectFrom(table).select('id').where('id', '=', id))) throw new UserError('masters.badRef', { entity: table, id });
}

function mustExist(book: Book, entity: MasterEntity, id: number) {
  const before = snapshot(book, entity, id);
  if (!before) throw new UserError('masters.notFound', { entity, id });
  return before;
}

// ---- reads ----

export function customerRow(book: Book, id: number): CustomerRow {
  const r = book.db.first(
    book.q
      .selectFrom('customer as c')
      .leftJoin('employee as e', 'e.id', 'c.manager_id')
      .select(['c.id', 'c.code', 'c.name', 'c.tier', 'c.manager_id as managerId', 'e.name as managerName', 'c.active'])
      .where('c.id', '=', id),
  );
  if (!r) throw new UserError('masters.notFound', { entity: 'customer', id });
  return { ...r, active: r.active === 1 };
}

export function employeeRow(book: Book, id: number): EmployeeRow {
  const r = book.db.first(
    book.q
      .selectFrom('employee as e')
      .leftJoin('department as d', 'd.id', 'e.department_id')
      .leftJoin('employee as a', 'a.id', 'e.approver_id')
      .select(['e.id', 'e.code', 'e.name', 'e.department_id as departmentId', 'd.name as departmentName', 'e.approver_id as approverId', 'a.name as approverName', 'e.active'])
      .where('e.id', '=', id),
  );
  if (!r) throw new UserError('masters.notFound', { entity: 'employee', id });
  return { ...r, active: r.active === 1 };
}

export function departmentRow(book: Book, id: number): DepartmentRow {
  const r = book.db.first(book.q.selectFrom('department').select(['id', 'code', 'name', 'is_service', 'active']).where('id', '=', id));
  if (!r) throw new UserError('masters.notFound', { entity: 'department', id });
  return { id: r.id, code: r.code, name: r.name, isService: r.is_service === 1, active: r.active === 1 };
}

interface PageReq {
  after?: string | null | undefined;
  limit: number;
  search?: string | undefined;
  includeInactive?: boolean | undefined;
}

/** Keyset page by code over customers or employees, with an optional code/name search. */
function pageIds(book: Book, table: 'customer' | 'employee', req: PageReq): { ids: number[]; next: string | null } {
  let q = book.q.selectFrom(table).select(['id', 'code']);
  if (req.after) q = q.where('code', '>', req.after);
  if (!req.includeInactive) q = q.where('active', '=', 1);
  if (req.search?.trim()) {
    const like = `%${req.search.trim().replace(/[%_]/g, '')}%`;
    const keyLike = `%${nameKey(req.search).replace(/[%_]/g, '')}%`;
    q = q.where((eb) => eb.or([eb('code', 'like', like), eb('name', 'like', like), eb('name_key', 'like', keyLike)]));
  }
  const rows = book.db.all(q.orderBy('code').limit(req.limit + 1));
  const page = rows.slice(0, req.limit);
  return { ids: page.map((r) => r.id), next: rows.length > req.limit ? (page.at(-1)?.code ?? null) : null };
}

export function pageCustomers(book: Book, req: PageReq): Page<CustomerRow> {
  const { ids, next } = pageIds(book, 'customer', req);
  return { rows: ids.map((id) => customerRow(book, id)), next };
}

export function pageEmployees(book: Book, req: PageReq): Page<EmployeeRow> {
  const { ids, next } = pageIds(book, 'employee', req);
  return { rows: ids.map((id) => employeeRow(book, id)), next };
}

export function listDepartments(book: Book, includeInactive = false): DepartmentRow[] {
  let q = book.q.selectFrom('department').select('id');
  if (!includeInactive) q = q.where('active', '=', 1);
  const ids = book.db.all(q.orderBy('code'));
  return ids.map((r) => departmentRow(book, r.id));
}

// ---- writes ----

export function createCustomer(book: Book, req: { code?: string | undefined; name: string; tier?: string | undefined; managerId?: number | null | undefined }): CustomerRow {
  const name = cleanName(req.name);
  assertFree(book, 'customer', { code: req.code, name });
  assertRef(book, 'employee', req.managerId);
  const code = req.code ?? nextCode(book, 'customer');
  const id = book.db.run(book.q.insertInto('customer').values({ code, name, name_key: nameKey(name), tier: req.tier ?? '', manager_id: req.managerId ?? null })).lastInsertRowid;
  auditMaster(book, 'customer', 'create', id, undefined);
  return customerRow(book, id);
}

export function updateCustomer(book: Book, req: { id: number; code?: string | undefined; name?: string | undefined; tier?: string | undefined; managerId?: number | null | undefined }): CustomerRow {
  const before = mustExist(book, 'customer', req.id);
  const name = req.name === undefined ? undefined : cleanName(req.name);
  assertFree(book, 'customer', { code: req.code, name }, req.id);
  assertRef(book, 'employee', req.managerId);
  // Only the fields given change; the others are set to themselves (as the COALESCE / CASE of the raw update did).
  book.db.run(
    book.q
      .updateTable('customer')
      .set((eb) => ({
        code: req.code ?? eb.ref('code'),
        name: name ?? eb.ref('name'),
        name_key: name ? nameKey(name) : eb.ref('name_key'),
        tier: req.tier ?? eb.ref('tier'),
        manager_id: req.managerId !== undefined ? req.managerId : eb.ref('manager_id'),
      }))
      .where('id', '=', req.id),
  );
  auditMaster(book, 'customer', 'update', req.id, before);
  return customerRow(book, req.id);
}

export function createEmployee(book: Book, req: { code?: string | undefined; name: string; departmentId?: number | null | undefined; approverId?: number | null | undefined }): EmployeeRow {
  const name = cleanName(req.name);
  assertFree(book, 'employee', { code: req.code, name });
  assertRef(book, 'department', req.departmentId);
  assertRef(book, 'employee', req.approverId);
  const code = req.code ?? nextCode(book, 'employee');
  const id = book.db.run(book.q.insertInto('employee').values({ code, name, name_key: nameKey(name), department_id: req.departmentId ?? null, approver_id: req.approverId ?? null })).lastInsertRowid;
  auditMaster(book, 'employee', 'create', id, undefined);
  return employeeRow(book, id);
}

export function updateEmployee(book: Book, req: { id: number; code?: string | undefined; name?: string | undefined; departmentId?: number | null | undefined; approverId?: number | null | undefined }): EmployeeRow {
  const before = mustExist(book, 'employee', req.id);
  const name = req.name === undefined ? undefined : cleanName(req.name);
  assertFree(book, 'employee', { code: req.code, name }, req.id);
  assertRef(book, 'department', req.departmentId);
  assertRef(book, 'employee', req.approverId);
  if (req.approverId === req.id) throw new UserError('masters.selfApprover');
  book.db.run(
    book.q
      .updateTable('employee')
      .set((eb) => ({
        code: req.code ?? eb.ref('code'),
        name: name ?? eb.ref('name'),
        name_key: name ? nameKey(name) : eb.ref('name_key'),
        department_id: req.departmentId !== undefined ? req.departmentId : eb.ref('department_id'),
        approver_id: req.approverId !== undefined ? req.approverId : eb.ref('approver_id'),
      }))
      .where('id', '=', req.id),
  );
  auditMaster(book, 'employee', 'update', req.id, before);
  return employeeRow(book, req.id);
}

export function createDepartment(book: Book, req: { code?: string | undefined; name: string; isService?: boolean | undefined }): DepartmentRow {
  const name = cleanName(req.name);
  assertFree(book, 'department', { code: req.code, name });
  const code = req.code ?? nextCode(book, 'department');
  const id = book.db.run(book.q.insertInto('department').values({ code, name, name_key: nameKey(name), is_service: req.isService ? 1 : 0 })).lastInsertRowid;
  auditMaster(book, 'department', 'create', id, undefined);
  return departmentRow(book, id);
}

export function updateDepartment(book: Book, req: { id: number; code?: string | undefined; name?: string | undefined; isService?: boolean | undefined }): DepartmentRow {
  const before = mustExist(book, 'department', req.id);
  const name = req.name === undefined ? undefined : cleanName(req.name);
  assertFree(book, 'department', { code: req.code, name }, req.id);
  book.db.run(
    book.q
      .updateTable('department')
      .set((eb) => ({
        code: req.code ?? eb.ref('code'),
        name: name ?? eb.ref('name'),
        name_key: name ? nameKey(name) : eb.ref('name_key'),
        is_service: req.isService === undefined ? eb.ref('is_service') : req.isService ? 1 : 0,
      }))
      .where('id', '=', req.id),
  );
  auditMaster(book, 'department', 'update', req.id, before);
  return departmentRow(book, req.id);
}

/** Deactivated masters stay on old vouchers and reports; they only leave pickers and imports. */
export function setPartyActive(book: Book, table: Party, id: number, active: boolean): void {
  const before = mustExist(book, table, id);
  book.db.run(book.q.updateTable(table).set({ active: active ? 1 : 0 }).where('id', '=', id));
  auditMaster(book, table, active ? 'activate' : 'deactivate', id, before);
}
