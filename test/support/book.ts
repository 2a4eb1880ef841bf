/** A real book file in a temp folder, for tests that call the core directly. */
import { join } from 'node:path';
import { afterEach } from 'vitest';
import type { Book } from '../../electron/core/book/book';
import { createBook } from '../../electron/core/book/open';
import type { Standard } from '../../electron/core/accounts/default-chart';
import { tempDir } from './temp';

export function testBook(opts: { standard?: Standard; firstPeriod?: string; company?: string } = {}): Book {
  const dir = tempDir();
  const book = createBook({ path: join(dir, 'test.book'), company: opts.company ?? '测试公司', standard: opts.standard ?? 'small', firstPeriod: opts.firstPeriod ?? '2026-01' });
  afterEach(() => book.close());
  return book;
}

/** In the caller's transaction, or one of its own: the row log seals only what a transaction of the app wrote. */
const inTx = <T>(book: Book, fn: () => T): T => (book.sqlite.inTransaction ? fn() : book.tx(fn));

/** Inserts a customer / employee directly (masters have their own tests). */
export function addCustomer(book: Book, code: string, name: string, tier = 'A'): number {
  return inTx(book, () => Number(book.sqlite.prepare(`INSERT INTO customer (code, name, name_key, tier) VALUES (?, ?, ?, ?)`).run(code, name, name.normalize('NFKC').replace(/\s+/g, '').toLowerCase(), tier).lastInsertRowid));
}

export function addEmployee(book: Book, code: string, name: string): number {
  return inTx(book, () => Number(book.sqlite.prepare(`INSERT INTO employee (code, name, name_key) VALUES (?, ?, ?)`).run(code, name, name.normalize('NFKC').replace(/\s+/g, '').toLowerCase()).lastInsertRowid));
}
