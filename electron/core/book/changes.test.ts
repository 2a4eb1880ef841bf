import { describe, expect, it } from 'vitest';
import { addCustomer, testBook } from '../../../test/support/book';
import { changedSince, changeMark } from './changes';

describe('changes since a mark', () => {
  it('names each table the row log and the audit log saw after the mark, sorted and once each; nothing when nothing was written', () => {
    const book = testBook({ firstPeriod: '2026-01' });
    const mark = changeMark(book);
    expect(mark.rowLog).toBeGreaterThan(0);
    expect(mark.audit).toBeGreaterThan(0);
    expect(changedSince(book, mark)).toEqual([]);
    addCustomer(book, 'C001', '甲公司');
    addCustomer(book, 'C002', '乙公司');
    book.tx(() => book.audit({ action: 'test.note', entity: 'alloc_rule', entityId: 0 }));
    const after = changeMark(book);
    expect(after.rowLog).toBeGreaterThan(mark.rowLog);
    expect(after.audit).toBeGreaterThan(mark.audit);
    expect(changedSince(book, mark)).toEqual(['alloc_rule', 'customer']);
    expect(changedSince(book, after)).toEqual([]);
  });
});
