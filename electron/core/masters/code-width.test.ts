import { describe, expect, it } from 'vitest';
import { addCustomer, addEmployee, testBook } from '../../../test/support/book';
import { MasterResolver, nextMasterCode } from './resolve';

describe('generated master codes', () => {
  it("take the book's own width, so they sort after the existing codes", () => {
    const book = testBook();
    expect(nextMasterCode(book, 'customer')).toBe('C0001');
    addCustomer(book, 'C001', '甲公司');
    addCustomer(book, 'C040', '乙公司');
    addEmployee(book, 'E07', '王小明');
    expect(nextMasterCode(book, 'customer')).toBe('C041');
    const r = new MasterResolver(book);
    const created = book.tx(() => [r.customer('新客户一'), r.customer('新客户二'), r.employee('新员工')]);
    const codes = created.map((c, i) => (book.sqlite.prepare(`SELECT code FROM ${i < 2 ? 'customer' : 'employee'} WHERE id = ?`).get(c.id) as { code: string }).code);
    expect(codes).toEqual(['C041', 'C042', 'E08']);
    const sorted = (book.sqlite.prepare('SELECT code FROM customer ORDER BY code').all() as { code: string }[]).map((x) => x.code);
    expect(sorted).toEqual(['C001', 'C040', 'C041', 'C042']);
  });

  it('grow past the width when the numbers need it', () => {
    const book = testBook();
    addCustomer(book, 'C99', '甲公司');
    expect(nextMasterCode(book, 'customer')).toBe('C100');
  });
});
