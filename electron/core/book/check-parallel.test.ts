/**
 * `book check` in threads (check.ts): the posted vouchers split by id over this thread and
 * the parts' thread (check-worker.ts), the rest shared between them. Whichever thread a
 * check ran in, the report is the one the serial checkBook gives, findings in its order.
 */
import { describe, expect, it } from 'vitest';
import { testBook } from '../../../test/support/book';
import { bookVoucher } from '../ledger/vouchers';
import { checkBook, checkBookInParallel } from './check';
import { partsInThread } from './integrity';
import type { Book } from './book';

function bookWithVouchers(n: number): { book: Book; ids: number[] } {
  const book = testBook();
  const ids = Array.from({ length: n }, (_, i) => book.tx(() => bookVoucher(book, { date: '2026-01-10', memo: `m${i}`, lines: [{ account: '1002', debitFen: 500 + i }, { account: '3001', creditFen: 500 + i }] }).id));
  return { book, ids };
}

/** Everything but SQLite's own check, which the two run differently (integrity_check against quick_check). */
const withoutIntegrity = (r: { findings: { check: string }[] }) => r.findings.filter((f) => f.check !== 'integrity');

describe('book check in threads', () => {
  it('runs the parts in a thread of their own on the book file', async () => {
    const { book, ids } = bookWithVouchers(4);
    book.sqlite.exec('DROP TRIGGER tr_line_posted_upd');
    book.sqlite.prepare(`UPDATE voucher_line SET memo = 'changed' WHERE voucher_id = ?`).run(ids[3]);
    const results = await partsInThread(book.path, [`posted ${ids[2]} Infinity`, 'chain']);
    expect(results).not.toBeNull();
    expect(results!['chain']!.chain).toMatchObject({ ok: true });
    expect(results![`posted ${ids[2]} Infinity`]!.staged!.flat().map((f) => f.message)).toEqual([expect.stringMatching(/记-0004: content differs/)]);
    // A part that does not exist fails the thread; the caller then runs the parts itself.
    expect(await partsInThread(book.path, ['nonsense'])).toBeNull();
  });

  it('reports what the serial check reports, in the same order, from both halves', async () => {
    const { book, ids } = bookWithVouchers(10);
    const sound = await checkBookInParallel(book, false);
    expect(sound).toMatchObject({ ok: true, findings: [], full: false });
    expect(sound.auditRecords).toBe(checkBook(book).auditRecords);
    // Behind the app's back: a line of the first and of the last voucher (one in each half),
    // a posting record removed (its voucher now has none), an audit record altered.
    book.sqlite.exec('DROP TRIGGER tr_line_posted_upd; DROP TRIGGER tr_audit_no_upd; DROP TRIGGER tr_audit_no_del');
    for (const id of [ids[0], ids[9]]) book.sqlite.prepare(`UPDATE voucher_line SET debit_fen = debit_fen + 1 WHERE voucher_id = ? AND line_no = 1`).run(id);
    book.sqlite.prepare(`DELETE FROM audit_log WHERE action = 'voucher.post' AND entity_id = ?`).run(String(ids[6]));
    book.sqlite.prepare(`UPDATE audit_log SET user = 'someone' WHERE id = (SELECT min(id) FROM audit_log)`).run();
    const serial = checkBook(book);
    const parallel = await checkBookInParallel(book, false);
    expect(parallel.ok).toBe(false);
    expect(withoutIntegrity(parallel)).toEqual(withoutIntegrity(serial));
    const messages = parallel.findings.map((f) => f.message);
    expect(messages).toContainEqual(expect.stringMatching(/记-0001: debit 501 ≠ credit 500/));
    expect(messages).toContainEqual(expect.stringMatching(/记-0010: content differs/));
    expect(messages).toContainEqual(expect.stringMatching(/记-0007: posted without an audit record/));
    expect(messages).toContainEqual(expect.stringMatching(/^audit record \d+: content altered/));
  });
});
