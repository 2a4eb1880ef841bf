import { describe, expect, it } from 'vitest';
import { addCustomer, addEmployee, testBook } from '../../../test/support/book';
import { createClaim } from './create';
import { claimLinesHash } from './lines-hash';

describe('createClaim', () => {
  it('records the lines hash as it writes, equal to the hash of the lines read back', () => {
    const book = testBook({ firstPeriod: '2026-01' });
    const emp = addEmployee(book, 'E1', '王经理');
    const cust = addCustomer(book, 'C1', '甲公司');
    const cat = book.sqlite.prepare(`SELECT id FROM category WHERE code = 'TRAVEL'`).pluck().get() as number;
    // More lines than one bulk INSERT holds, with every nullable and defaulted column both ways.
    const lines = Array.from({ length: 123 }, (_, i) => ({
      date: `2026-03-${String(1 + (i % 28)).padStart(2, '0')}`,
      categoryId: cat,
      customerId: i % 3 ? cust : null,
      ...(i % 4 ? { description: `拜访 "引号" \\ ${i} 😀` } : {}),
      invoiceNo: i % 5 ? ` ｉｎｖ-${i} ` : null,
      ...(i % 2 ? { invoiceType: '专票', taxFen: i } : {}),
      amountFen: 1000 + i,
      receipt: i % 7 === 0,
    }));
    const id = book.tx(() => createClaim(book, { employeeId: emp, lines }));
    const after = JSON.parse(book.sqlite.prepare(`SELECT after FROM audit_log WHERE action = 'claim.create' AND entity_id = ?`).pluck().get(String(id)) as string) as { linesHash: string; lines: number };
    expect(after.lines).toBe(123);
    expect(after.linesHash).toBe(claimLinesHash(book, id));
  });
});
