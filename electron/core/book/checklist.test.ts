import { describe, expect, it } from 'vitest';
import { addEmployee, testBook } from '../../../test/support/book';
import { checklist } from './checklist';

describe('the first-month checklist', () => {
  it('reads each step from the book: live batches only, claims once approved', () => {
    const book = testBook();
    expect(checklist(book)).toEqual({ openingBalances: false, imported: false, approved: false, allocated: false });
    const s = book.sqlite;
    const batch = s.prepare(`INSERT INTO import_batch (kind, file_name, file_hash, created_at, created_by) VALUES (?, 'f.xlsx', 'h', 'now', 'test')`);
    const opening = Number(batch.run('opening-balances').lastInsertRowid);
    expect(checklist(book)).toMatchObject({ openingBalances: true, imported: false });
    s.prepare(`UPDATE import_batch SET undone_at = 'now', undone_by = 'test' WHERE id = ?`).run(opening);
    expect(checklist(book).openingBalances).toBe(false);
    batch.run('customers');
    expect(checklist(book).imported).toBe(false);

    const emp = addEmployee(book, 'E1', '张三');
    const claim = Number(s.prepare(`INSERT INTO claim (employee_id, created_at, created_by) VALUES (?, 'now', 'test')`).run(emp).lastInsertRowid);
    expect(checklist(book)).toMatchObject({ imported: true, approved: false });
    s.prepare(`UPDATE claim SET status = 'approved' WHERE id = ?`).run(claim);
    expect(checklist(book)).toMatchObject({ approved: true, allocated: false });
  });
});
