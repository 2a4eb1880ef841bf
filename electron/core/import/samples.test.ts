/**
 * Every sample in test/fixtures/samples (copied from the team's sample folder; point
 * CLIENT_LEDGER_SAMPLES at another folder to try other sheets) imports to exactly its
 * .expected.json, and a second import of the same file accepts nothing. The samples are
 * read as they are; nothing here knows their particular values.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { message } from '../../../shared/messages/index';
import { testBook } from '../../../test/support/book';
import { runImport } from './run';

const SAMPLES = process.env.CLIENT_LEDGER_SAMPLES ?? join(import.meta.dirname, '../../../test/fixtures/samples');

interface Expected {
  accepted: number;
  rejected: number;
  duplicates: number;
  acceptedTotalFen: number;
  byCategory: Record<string, number>;
  rejects: { sheet: string; row: number; why: string }[];
  duplicateRows: { sheet: string; row: number }[];
  distinctCustomers: number;
  distinctEmployees: number;
}

/** The samples' plain-English reasons, and the message each must be. */
const WHY: Record<string, string> = {
  'three decimals': 'import.reject.amount.tooManyDecimals',
  'amount not a number': 'import.reject.amount.invalid',
  'no such month': 'import.reject.date.noSuchMonth',
  'no such day': 'import.reject.date.noSuchDay',
  'ambiguous date': 'import.reject.date.ambiguous',
  'unknown category': 'import.reject.category.unknown',
};

const samples = existsSync(SAMPLES) ? readdirSync(SAMPLES).filter((f) => f.endsWith('.xlsx') && existsSync(join(SAMPLES, f.replace(/\.xlsx$/, '.expected.json')))) : [];

describe('sample workbooks', () => {
  it('the fixtures are there (a clone without them must fail, not skip)', () => expect(samples.length).toBeGreaterThanOrEqual(3));
  it.each(samples)('%s imports to exactly its expected result, and again to nothing', async (file) => {
    const expected = JSON.parse(readFileSync(join(SAMPLES, file.replace(/\.xlsx$/, '.expected.json')), 'utf8')) as Expected;
    const book = testBook({ firstPeriod: '2026-01' });
    const s = await runImport(book, { kind: 'expenses', path: join(SAMPLES, file) }, { locale: 'en' });

    expect(s.accepted).toBe(expected.accepted);
    expect(s.rejected).toBe(expected.rejected);
    expect(s.duplicates).toBe(expected.duplicates);
    expect(s.acceptedTotalFen).toBe(expected.acceptedTotalFen);
    expect(s.byCategory).toEqual(expected.byCategory);
    expect(s.rejects.map((r) => ({ sheet: r.sheet, row: r.row }))).toEqual(expected.rejects.map((r) => ({ sheet: r.sheet, row: r.row })));
    expected.rejects.forEach((r, i) => {
      const code = WHY[r.why];
      if (code) expect(s.rejects[i]!.reason).toBe(message('en', code as never, {}));
    });
    expect(s.duplicateRows).toEqual(expected.duplicateRows);
    expect(s.createdCustomers).toBe(expected.distinctCustomers);
    expect(s.createdEmployees).toBe(expected.distinctEmployees);
    // Nothing is lost, per sheet and in total.
    for (const sh of s.sheets) expect(sh.rowsRead).toBe(sh.accepted + sh.rejected + sh.duplicates + sh.skipped);
    expect(s.rowsRead).toBe(s.accepted + s.rejected + s.duplicates + s.skipped);

    // What the book holds is what the summary says.
    const db = book.sqlite;
    const lines = db.prepare('SELECT COUNT(*) AS n, COALESCE(SUM(amount_fen), 0) AS fen FROM claim_line').get() as { n: number; fen: number };
    expect(lines).toEqual({ n: expected.accepted, fen: expected.acceptedTotalFen });
    const byCat = db.prepare('SELECT c.code, SUM(l.amount_fen) AS fen FROM claim_line l JOIN category c ON c.id = l.category_id GROUP BY c.code').all() as { code: string; fen: number }[];
    expect(Object.fromEntries(byCat.map((r) => [r.code, r.fen]))).toEqual(expected.byCategory);
    expect(db.prepare('SELECT COUNT(*) FROM customer').pluck().get()).toBe(expected.distinctCustomers);
    expect(db.prepare('SELECT COUNT(*) FROM employee').pluck().get()).toBe(expected.distinctEmployees);
    // One claim per employee in the batch.
    expect(db.prepare('SELECT COUNT(*) FROM claim WHERE batch_id = ?').pluck().get(s.batchId)).toBe(db.prepare('SELECT COUNT(DISTINCT c.employee_id) FROM claim c').pluck().get());

    const again = await runImport(book, { kind: 'expenses', path: join(SAMPLES, file) }, { locale: 'en' });
    expect(again.accepted).toBe(0);
    expect(again.duplicates).toBe(expected.accepted + expected.duplicates);
    expect(again.rejected).toBe(expected.rejected);
    expect(again.createdCustomers + again.createdEmployees).toBe(0);
    expect(again.sameFileBatchId).toBe(s.batchId);
    expect(db.prepare('SELECT COUNT(*) FROM claim_line').pluck().get()).toBe(expected.accepted);
  });
});
