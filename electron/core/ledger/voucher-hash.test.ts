/**
 * A posted voucher's content hash is recorded in the audit record of its posting and
 * re-computed by `book check`, so its recipe is frozen: the hash of this fixed voucher was
 * taken from the recipe every existing book was written with. It must not depend on the
 * order of a SELECT's columns or of an object's keys.
 */
import { describe, expect, it } from 'vitest';
import { addCustomer, addEmployee, testBook } from '../../../test/support/book';
import { checkPostedVouchers } from './audit-check';
import { sha256Hex } from '../book/sha256';
import { bookVoucher, VOUCHER_CONTENT_SQL, voucherContentHash } from './vouchers';

const header = { period: '2026-03', number: 7, date: '2026-03-05', memo: '拜访客户' };
const lines = [
  { line_no: 1, account_code: '56020101', debit_fen: 12345, credit_fen: 0, memo: '高铁', customer_id: 3, employee_id: 2, department_id: null, category_id: 5 },
  { line_no: 2, account_code: '2241', debit_fen: 0, credit_fen: 12345, memo: '', customer_id: null, employee_id: 2, department_id: null, category_id: null },
];
/** Taken with the recipe existing books were posted with (JSON of period, number, date, memo, lines' columns in SELECT order). */
const PINNED = '7cd82487d00eb47b881122e306e59eb405ad72f4d6d2f0dfa9b3e776c9a740c2';

describe('the voucher content hash', () => {
  it('is the recipe existing books were written with', () => {
    expect(voucherContentHash(header, lines)).toBe(PINNED);
  });

  it('does not depend on the order of the line’s fields', () => {
    const reordered = lines.map((l) => Object.fromEntries(Object.entries(l).reverse()) as typeof l);
    expect(voucherContentHash(header, reordered)).toBe(PINNED);
    // Extra columns a wider SELECT might bring are not part of it either.
    expect(voucherContentHash(header, lines.map((l) => ({ ...l, id: 99, posted: 1 })))).toBe(PINNED);
  });

  it('changes when any hashed field changes', () => {
    expect(voucherContentHash({ ...header, memo: '拜访' }, lines)).not.toBe(PINNED);
    expect(voucherContentHash(header, [{ ...lines[0]!, debit_fen: 12346 }, lines[1]!])).not.toBe(PINNED);
    expect(voucherContentHash(header, [{ ...lines[0]!, category_id: null }, lines[1]!])).not.toBe(PINNED);
  });

  it('is what a posting records in a real book', () => {
    const book = testBook();
    const emp = addEmployee(book, 'E01', '张三');
    const cust = addCustomer(book, 'C01', '蓝海');
    const v = book.tx(() =>
      bookVoucher(book, { date: '2026-01-10', memo: '期初', lines: [{ account: '56020101', debitFen: 500, customerId: cust, employeeId: emp }, { account: '2241', creditFen: 500, employeeId: emp }] }),
    );
    const after = JSON.parse((book.sqlite.prepare(`SELECT after FROM audit_log WHERE action = 'voucher.post' AND entity_id = ?`).get(String(v.id)) as { after: string }).after) as { contentHash: string };
    const expected = voucherContentHash({ period: '2026-01', number: 1, date: '2026-01-10', memo: '期初' }, [
      // A line without a memo of its own carries the voucher's.
      { line_no: 1, account_code: '56020101', debit_fen: 500, credit_fen: 0, memo: '期初', customer_id: cust, employee_id: emp, department_id: null, category_id: null },
      { line_no: 2, account_code: '2241', debit_fen: 0, credit_fen: 500, memo: '期初', customer_id: null, employee_id: emp, department_id: null, category_id: null },
    ]);
    expect(after.contentHash).toBe(expected);
  });

  it('is built the same by SQL in book check', () => {
    const book = testBook();
    const emp = addEmployee(book, 'E01', '张三');
    const memos = ['差旅 "报销" \\ 𠮷 \u2028 é', 'tab\there\nnew line \u0001 \u001f \u007f'];
    const ids = memos.map((memo) =>
      book.tx(() => bookVoucher(book, { date: '2026-01-10', memo, lines: [{ account: '56020101', debitFen: 500, employeeId: emp }, { account: '2241', creditFen: 500, memo: memo + '!', employeeId: emp }] }).id),
    );
    const sqlHash = (id: number) => sha256Hex(book.sqlite.prepare(`SELECT ${VOUCHER_CONTENT_SQL} FROM voucher v WHERE v.id = ?`).pluck().get(id) as string);
    const recorded = (id: number) => (JSON.parse((book.sqlite.prepare(`SELECT after FROM audit_log WHERE action = 'voucher.post' AND entity_id = ?`).get(String(id)) as { after: string }).after) as { contentHash: string }).contentHash;
    // Quotes, backslashes, astral, line-separator and control characters: the SQL text is JSON.stringify's.
    for (const id of ids) expect(sqlHash(id)).toBe(recorded(id));
    expect(checkPostedVouchers(book)).toEqual([]);
    // A changed line is found after the JavaScript recomputation the check does before reporting.
    book.sqlite.exec('DROP TRIGGER tr_line_posted_upd');
    for (const id of ids) book.sqlite.prepare(`UPDATE voucher_line SET debit_fen = 501 WHERE voucher_id = ? AND line_no = 1`).run(id);
    expect(checkPostedVouchers(book).map((f) => f.message)).toEqual([expect.stringMatching(/记-0001: content differs/), expect.stringMatching(/记-0002: content differs/)]);
  });
});
