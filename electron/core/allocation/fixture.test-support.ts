/** A small hand-made book for allocation tests: customers, departments, posted lines. */
import type { Book } from '../book/book';
import { bookVoucher } from '../ledger/vouchers';

export function addDepartment(book: Book, code: string, name: string, isService = false): number {
  return Number(book.sqlite.prepare('INSERT INTO department (code, name, name_key, is_service) VALUES (?, ?, ?, ?)').run(code, name, name, isService ? 1 : 0).lastInsertRowid);
}

export function addStaff(book: Book, code: string, departmentId: number | null): number {
  return Number(book.sqlite.prepare('INSERT INTO employee (code, name, name_key, department_id) VALUES (?, ?, ?, ?)').run(code, `员工${code}`, `员工${code}`.toLowerCase(), departmentId).lastInsertRowid);
}

/** Revenue for a customer: Dr 应收账款 / Cr 主营业务收入, both carrying the customer. */
export function postRevenue(book: Book, date: string, customerId: number, fen: number): void {
  book.tx(() =>
    bookVoucher(book, {
      date,
      memo: '收入',
      lines: [
        { account: book.account('receivable'), debitFen: fen, customerId },
        { account: book.account('mainRevenue'), creditFen: fen, customerId },
      ],
    }),
  );
}

/** An expense paid from the bank, optionally carrying a customer / department. */
export function postExpense(book: Book, date: string, account: string, fen: number, dims: { customerId?: number; departmentId?: number } = {}): void {
  book.tx(() =>
    bookVoucher(book, {
      date,
      memo: '费用',
      lines: [
        { account, debitFen: fen, ...dims },
        { account: book.account('bank'), creditFen: fen },
      ],
    }),
  );
}
