/**
 * A second writer for the numbering test: opens the book with its own connection and
 * posts `count` vouchers, each in its own BEGIN IMMEDIATE transaction, as fast as it can.
 * Run as a child process: `tsx numbering.worker.ts BOOK COUNT TAG`.
 */
import { openBook } from '../book/open';
import { bookVoucher } from './vouchers';

const [path, count, tag] = process.argv.slice(2);
const book = openBook(path!);
const numbers: number[] = [];
for (let i = 0; i < Number(count); i++) {
  const r = book.tx(() => bookVoucher(book, { date: '2026-03-15', memo: `${tag} ${i}`, lines: [{ account: '1002', debitFen: 100 + i }, { account: '3001', creditFen: 100 + i }] }));
  numbers.push(r.number);
}
book.close();
process.stdout.write(JSON.stringify(numbers));
