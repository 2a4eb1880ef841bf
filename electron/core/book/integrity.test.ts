/**
 * `book check`'s integrity part is split by table over two threads plus a whole-file
 * quick_check (integrity.ts): every table is checked by one of them, and an index that no
 * longer matches its table is found whichever thread its table went to.
 */
import { describe, expect, it } from 'vitest';
import { addCustomer, testBook } from '../../../test/support/book';
import { bookVoucher } from '../ledger/vouchers';
import { openSqlite } from '../db/sqlite';
import { checkBookInParallel } from './check';
import { integrityInThreads, splitTables } from './integrity';
import type { Book } from './book';

/** Points an index's definition at another column behind SQLite's back, so its entries no longer match the rows. */
function corruptIndex(book: Book, table: string, column: string, other: string): void {
  book.sqlite.exec(`CREATE INDEX ix_test_${table} ON ${table}(${column})`);
  const s = openSqlite(book.path);
  s.unsafeMode(true); // lifts SQLITE_DBCONFIG_DEFENSIVE, which better-sqlite3 sets and which refuses writes to the schema table
  s.pragma('writable_schema = ON');
  s.prepare(`UPDATE sqlite_schema SET sql = ? WHERE name = ?`).run(`CREATE INDEX ix_test_${table} ON ${table}(${other})`, `ix_test_${table}`);
  s.close();
}

function bookWithLines(): Book {
  const book = testBook();
  const c = addCustomer(book, 'C01', '蓝海');
  for (let i = 0; i < 20; i++) book.tx(() => bookVoucher(book, { date: '2026-01-10', memo: `m${i}`, lines: [{ account: '1002', debitFen: 500 + i, customerId: c }, { account: '3001', creditFen: 500 + i }] }));
  return book;
}

describe('the integrity check split over two threads', () => {
  it('gives every table to exactly one thread', () => {
    const book = bookWithLines();
    const [heavy, light] = splitTables(book.sqlite);
    const all = book.sqlite.prepare(`SELECT name FROM sqlite_schema WHERE type = 'table'`).pluck().all() as string[];
    expect([...heavy, ...light].sort()).toEqual([...all].sort());
    expect(heavy.filter((t) => light.includes(t))).toEqual([]);
  });

  it('passes a sound book and finds a corrupted index in either thread', async () => {
    for (const [table, column, other] of [['voucher_line', 'memo', 'account_code'], ['customer', 'name', 'code']] as const) {
      const book = bookWithLines();
      expect(await integrityInThreads(book.sqlite, book.path)).toBe('ok');
      corruptIndex(book, table, column, other);
      expect(await integrityInThreads(book.sqlite, book.path)).toMatch(new RegExp(`ix_test_${table}`));
      const report = await checkBookInParallel(book);
      expect(report.ok).toBe(false);
      expect(report.findings).toContainEqual({ check: 'integrity', message: expect.stringMatching(`ix_test_${table}`) as unknown as string });
    }
  });
});
