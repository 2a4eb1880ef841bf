import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { testSession } from '../../../test/support/session';
import { openSqlite } from '../db/sqlite';
import { openBook } from './open';

describe('books', () => {
  it('creates a small-company book with the default chart, categories and first period', async () => {
    const { call, dir, session } = testSession();
    const info = await call('book.create', { path: 'acme', company: '示例公司', standard: 'small', firstPeriod: '2026-10' });
    expect(info.path).toBe(join(dir, 'acme.book'));
    expect(info.standard).toBe('small');
    const book = session.requireBook();
    const codes = (book.sqlite.prepare('SELECT code, name FROM account ORDER BY code').all() as { code: string; name: string }[]);
    const byCode = new Map(codes.map((c) => [c.code, c.name]));
    for (const code of ['1001', '1002', '1122', '1123', '1221', '1701', '1702', '1801', '2202', '2203', '2211', '2221', '222101', '2241', '3001', '3103', '5001', '5051', '5401', '5601', '5602', '5603']) {
      expect(byCode.has(code), code).toBe(true);
    }
    expect(byCode.get('56020101')).toBe('拜访差旅');
    expect(byCode.get('56020105')).toBe('CRM系统');
    expect(byCode.get('560205')).toBe('业务招待费');
    expect(book.sqlite.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(book.sqlite.pragma('foreign_keys', { simple: true })).toBe(1);
    const travel = book.sqlite.prepare(`SELECT account_code, synonyms FROM category WHERE code = 'TRAVEL'`).get() as { account_code: string; synonyms: string };
    expect(travel.account_code).toBe('56020101');
    expect(JSON.parse(travel.synonyms)).toContain('客户拜访费');
    expect(book.sqlite.prepare(`SELECT account_code FROM category WHERE code = 'ENTERTAIN'`).get()).toEqual({ account_code: '560205' });
    expect(book.sqlite.prepare('SELECT status FROM period').all()).toEqual([{ status: 'open' }]);
  });

  it('uses the 6xxx codes for the enterprise standard', async () => {
    const { call, session } = testSession();
    await call('book.create', { path: 'ent.book', company: 'E', standard: 'enterprise' });
    const book = session.requireBook();
    const codes = new Set((book.sqlite.prepare('SELECT code FROM account').all() as { code: string }[]).map((r) => r.code));
    for (const code of ['6001', '6051', '6401', '6601', '6602', '660201', '66020101', '66020106', '660205', '6603', '4001', '4103']) expect(codes.has(code), code).toBe(true);
    expect(codes.has('5602')).toBe(false);
    expect(book.account('otherPayable')).toBe('2241');
    expect(book.account('crmExpense')).toBe('66020105');
  });

  it('refuses to overwrite an existing file and to open a file that is not a book', async () => {
    const { call, callErr, dir } = testSession();
    await call('book.create', { path: 'a.book', company: 'A' });
    expect((await callErr('book.create', { path: 'a.book', company: 'A' })).code).toBe('book.exists');
    writeFileSync(join(dir, 'junk.book'), 'this is not sqlite at all, just text '.repeat(100));
    expect((await callErr('book.open', { path: 'junk.book' })).code).toBe('book.notABook');
    expect((await callErr('book.open', { path: 'missing.book' })).code).toBe('book.notFound');
  });

  it('reopens a book, lists it as recent and passes the check', async () => {
    const { call } = testSession();
    const info = await call('book.create', { path: 'r', company: '蓝海' });
    await call('book.close', {});
    const reopened = await call('book.open', { path: info.path });
    expect(reopened.company).toBe('蓝海');
    expect((await call('book.recent', {}))[0]?.path).toBe(info.path);
    const report = await call('book.check', {});
    expect(report).toMatchObject({ ok: true, findings: [] });
    expect(report.auditRecords).toBeGreaterThan(0);
  });

  it('backs up with the SQLite backup API to a file that opens as the same book', async () => {
    const { call, callErr, dir } = testSession();
    const info = await call('book.create', { path: 'b', company: 'B' });
    const target = join(dir, 'copy.book');
    await call('book.backup', { path: target });
    expect(existsSync(target)).toBe(true);
    const copy = openBook(target);
    expect(copy.info().bookId).toBe(info.bookId);
    copy.close();
    expect((await callErr('book.backup', { path: info.path })).code).toBe('backup.targetIsBook');
    expect((await callErr('book.backup', { path: target })).code).toBe('book.exists');
  });

  it('detects an edit of the audit trail made behind the app', async () => {
    const { call, session } = testSession();
    const info = await call('book.create', { path: 't', company: 'T' });
    await call('book.backup', { path: info.path + '.bak' });
    session.setBook(null);
    const raw = openSqlite(info.path);
    raw.exec('DROP TRIGGER tr_audit_no_upd');
    raw.prepare(`UPDATE audit_log SET after = '{"company":"Evil"}' WHERE id = 1`).run();
    raw.close();
    await call('book.open', { path: info.path });
    const report = await call('book.check', {});
    expect(report.ok).toBe(false);
    expect(report.findings[0]).toMatchObject({ check: 'audit' });
    expect(report.findings[0]?.message).toContain('audit record 1');
  });

  it('refuses a book written by a newer program', async () => {
    const { call, callErr, session } = testSession();
    const info = await call('book.create', { path: 'n', company: 'N' });
    session.setBook(null);
    const raw = openSqlite(info.path);
    raw.prepare(`INSERT INTO _migration (id, applied_at) VALUES ('9999_future', 'x')`).run();
    raw.close();
    expect((await callErr('book.open', { path: info.path })).code).toBe('book.newerVersion');
  });
});
