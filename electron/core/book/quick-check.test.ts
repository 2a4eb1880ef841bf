/**
 * What `book check` without --full proves of SQLite's side (quick_check, integrity.ts): an
 * index that lost entries (built as a partial index, then declared whole behind SQLite's
 * back) is found by its entry count; an index whose keys no longer match its rows keeps its
 * count and is found only by the full integrity_check (--full), which the report says.
 */
import { describe, expect, it } from 'vitest';
import { addCustomer, testBook } from '../../../test/support/book';
import { bookVoucher } from '../ledger/vouchers';
import { openSqlite } from '../db/sqlite';
import { checkBookInParallel } from './check';
import type { Book } from './book';

function bookWithLines(): Book {
  const book = testBook();
  const c = addCustomer(book, 'C01', '蓝海');
  for (let i = 0; i < 20; i++) book.tx(() => bookVoucher(book, { date: '2026-01-10', memo: `m${i}`, lines: [{ account: '1002', debitFen: 500 + i, customerId: c }, { account: '3001', creditFen: 500 + i }] }));
  return book;
}

/** Rewrites an index's definition in the schema table without rebuilding it. */
function redefine(book: Book, name: string, sql: string): void {
  const s = openSqlite(book.path);
  s.unsafeMode(true); // lifts SQLITE_DBCONFIG_DEFENSIVE, which better-sqlite3 sets and which refuses writes to the schema table
  s.pragma('writable_schema = ON');
  s.prepare(`UPDATE sqlite_schema SET sql = ? WHERE name = ?`).run(sql, name);
  s.close();
}

describe('book check without --full (quick_check)', () => {
  it('finds an index missing entries', async () => {
    const book = bookWithLines();
    book.sqlite.exec(`CREATE INDEX ix_test_memo ON voucher_line(memo) WHERE debit_fen > 505`);
    redefine(book, 'ix_test_memo', 'CREATE INDEX ix_test_memo ON voucher_line(memo)');
    const s = openSqlite(book.path, { fileMustExist: true });
    expect(s.pragma('quick_check', { simple: true })).toBe('wrong # of entries in index ix_test_memo');
    s.close();
    const report = await checkBookInParallel(book, false);
    expect(report).toMatchObject({ ok: false, full: false });
    expect(report.findings).toContainEqual({ check: 'integrity', message: expect.stringMatching('ix_test_memo') as unknown as string });
  });

  it('says what it did not compare; --full finds keys that no longer match their rows', async () => {
    const book = bookWithLines();
    const quick = await checkBookInParallel(book, false);
    expect(quick).toMatchObject({ ok: true, full: false });
    expect(quick.verified[0]).toMatch(/quick_check.*index keys against their rows and UNIQUE only with --full/);
    book.sqlite.exec(`CREATE INDEX ix_test_memo ON voucher_line(memo)`);
    redefine(book, 'ix_test_memo', 'CREATE INDEX ix_test_memo ON voucher_line(account_code)');
    expect((await checkBookInParallel(book, false)).ok).toBe(true);
    const full = await checkBookInParallel(book, true);
    expect(full).toMatchObject({ ok: false, full: true });
    expect(full.findings).toContainEqual({ check: 'integrity', message: expect.stringMatching('ix_test_memo') as unknown as string });
  });
});
