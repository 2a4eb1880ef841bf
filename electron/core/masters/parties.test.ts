/** Parties' partial updates and keyset pages, called on the core directly. */
import { describe, expect, it } from 'vitest';
import { testBook } from '../../../test/support/book';
import { createCustomer, createDepartment, createEmployee, pageCustomers, pageEmployees, updateCustomer, updateDepartment, updateEmployee } from './parties';

describe('parties', () => {
  it('an update changes only the fields given; a null manager, department or approver clears it', () => {
    const book = testBook();
    book.tx(() => {
      const dept = createDepartment(book, { name: '销售部', isService: true });
      expect(dept.code).toBe('D01');
      expect(createDepartment(book, { name: '行政部' }).code).toBe('D02');
      const boss = createEmployee(book, { name: '王经理', departmentId: dept.id });
      const emp = createEmployee(book, { name: '张三', departmentId: dept.id, approverId: boss.id });
      const c = createCustomer(book, { name: '甲公司', tier: 'A', managerId: emp.id });

      expect(updateCustomer(book, { id: c.id, tier: 'B' })).toMatchObject({ code: c.code, name: '甲公司', tier: 'B', managerId: emp.id });
      expect(updateCustomer(book, { id: c.id, name: '甲公司（新）' })).toMatchObject({ name: '甲公司（新）', tier: 'B', managerId: emp.id });
      // The new name's key replaced the old one: the old name is free again, the new one taken.
      expect(() => createCustomer(book, { name: '甲公司(新)' })).toThrow(expect.objectContaining({ code: 'masters.nameTaken' }));
      expect(createCustomer(book, { name: '甲公司' }).name).toBe('甲公司');
      expect(updateCustomer(book, { id: c.id, managerId: null })).toMatchObject({ managerId: null, tier: 'B', code: c.code });

      expect(updateEmployee(book, { id: emp.id, code: 'E9001' })).toMatchObject({ code: 'E9001', name: '张三', departmentId: dept.id, approverId: boss.id });
      expect(updateEmployee(book, { id: emp.id, approverId: null })).toMatchObject({ approverId: null, departmentId: dept.id });
      expect(updateEmployee(book, { id: emp.id, departmentId: null })).toMatchObject({ departmentId: null, code: 'E9001' });

      expect(updateDepartment(book, { id: dept.id, name: '市场部' })).toMatchObject({ code: 'D01', name: '市场部', isService: true });
      expect(updateDepartment(book, { id: dept.id, isService: false })).toMatchObject({ name: '市场部', isService: false });
    });
  });

  it('pages by code with a next key, a search over code, name and folded name, and inactive rows on request', () => {
    const book = testBook();
    book.tx(() => {
      for (const name of ['甲公司', '乙公司', '丙公司', '丁商行', 'ＡＢＣ Trading']) createCustomer(book, { name });
      createEmployee(book, { name: '张三' });
      const first = pageCustomers(book, { limit: 2 });
      expect(first.rows.map((r) => r.code)).toEqual(['C0001', 'C0002']);
      expect(first.next).toBe('C0002');
      const second = pageCustomers(book, { limit: 2, after: first.next });
      expect(second.rows.map((r) => r.code)).toEqual(['C0003', 'C0004']);
      const last = pageCustomers(book, { limit: 2, after: second.next });
      expect(last.rows.map((r) => r.code)).toEqual(['C0005']);
      expect(last.next).toBeNull();
      expect(pageCustomers(book, { limit: 10, search: '公司' }).rows.map((r) => r.name)).toEqual(['甲公司', '乙公司', '丙公司']);
      expect(pageCustomers(book, { limit: 10, search: 'C0004' }).rows.map((r) => r.name)).toEqual(['丁商行']);
      // Full-width letters and spaces fold (name_key): 'abctrading' finds 'ＡＢＣ Trading'.
      expect(pageCustomers(book, { limit: 10, search: 'abctrading' }).rows).toHaveLength(1);
      // % and _ are not wildcards.
      expect(pageCustomers(book, { limit: 10, search: '%' }).rows).toHaveLength(5);
      book.db.run(book.q.updateTable('customer').set({ active: 0 }).where('code', '=', 'C0002'));
      expect(pageCustomers(book, { limit: 10 }).rows.map((r) => r.code)).toEqual(['C0001', 'C0003', 'C0004', 'C0005']);
      expect(pageCustomers(book, { limit: 10, includeInactive: true }).rows).toHaveLength(5);
      expect(pageEmployees(book, { limit: 10 }).rows.map((r) => r.name)).toEqual(['张三']);
    });
  });
});
