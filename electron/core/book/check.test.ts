// This file imports checkBook and nothing of the service on purpose: the list of checks
// must be complete without any other module having been imported first.
import { describe, expect, it } from 'vitest';
import { testBook } from '../../../test/support/book';
import { bookVoucher } from '../ledger/vouchers';
import { CHECKS, checkBook } from './check';

describe('book check, imported alone', () => {
  it('finds a tampered ledger_total', () => {
    const book = testBook();
    book.tx(() => bookVoucher(book, { date: '2026-01-10', lines: [{ account: '1002', debitFen: 500 }, { account: '3001', creditFen: 500 }] }));
    expect(checkBook(book)).toMatchObject({ ok: true, findings: [] });
    const changed = book.sqlite.prepare(`UPDATE ledger_total SET debit_fen = debit_fen + 1 WHERE period = '2026-01' AND account_code = '1002'`).run().changes;
    expect(changed).toBe(1);
    const report = checkBook(book);
    expect(report.ok).toBe(false);
    expect(report.findings).toContainEqual({ check: 'balance', message: '2026-01 1002: ledger totals differ from the posted lines' });
  });

  it('runs every domain check, listed statically', () => {
    expect(CHECKS.map((c) => c.name)).toEqual(['checkPostedVouchers', 'checkMasters', 'checkLedgerTotals', 'checkRowLog', 'checkClaimLines', 'checkAllocLines']);
  });
});
