/**
 * Tamper tests for the audit coverage: on a copy of the demo book, every covered table is
 * edited with a raw SQLite connection (a) with the triggers in place and (b) with that
 * table's triggers dropped; `book check` must name the table (and in (b) the row). Claim
 * lines, covered by a lines hash in the claim's audit records, are tampered the same way.
 */
import { createHash } from 'node:crypto';
import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testSession } from '../../../test/support/session';
import { tempDir } from '../../../test/support/temp';
import { openSqlite } from '../db/sqlite';
import { openBook } from './open';
import { checkBook } from './check';
import { ROW_LOG_TABLES } from './row-log';

/** A change per covered table that keeps its constraints; tables the demo leaves empty get a row inserted. */
const first = (t: string, key = 'id') => `${key} = (SELECT min(${key}) FROM ${t})`;
/** Management data of closed months is refused by triggers (0810): tamper with a row of the demo's last month, reopened below. */
const last = (t: string, key = 'id') => `${key} = (SELECT max(${key}) FROM ${t} WHERE period = (SELECT max(period) FROM ${t}))`;
const TAMPER: Record<(typeof ROW_LOG_TABLES)[number], string> = {
  book_meta: `UPDATE book_meta SET value = value || '!' WHERE key = 'company'`,
  period: `UPDATE period SET closed_by = 'mallory' WHERE ${first('period', 'period')}`,
  account: `UPDATE account SET name = name || '!' WHERE ${first('account', 'code')}`,
  department: `UPDATE department SET name = name || '!' WHERE ${first('department')}`,
  employee: `UPDATE employee SET name = name || '!' WHERE ${first('employee')}`,
  customer: `UPDATE customer SET tier = CASE tier WHEN 'A' THEN 'B' ELSE 'A' END WHERE ${first('customer')}`,
  category: `UPDATE category SET name = name || '!' WHERE ${first('category')}`,
  claim: `UPDATE claim SET title = title || '!' WHERE ${first('claim')}`,
  claim_step: `UPDATE claim_step SET user = user || '!' WHERE ${first('claim_step')}`,
  claim_receipt: `INSERT INTO claim_receipt (claim_id, line_no, file_name, size, sha256, data, added_at, added_by)
                  VALUES ((SELECT min(id) FROM claim), NULL, 'x.pdf', 1, '6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d', x'00', '2026-01-01', 'mallory')`,
  app_user: `UPDATE app_user SET display_name = display_name || '!' WHERE ${first('app_user')}`,
  policy_rule: `UPDATE policy_rule SET note = coalesce(note, '') || '!' WHERE ${first('policy_rule')}`,
  approval_level: `UPDATE approval_level SET above_fen = above_fen + 1 WHERE ${first('approval_level', 'step')}`,
  budget: `UPDATE budget SET amount_fen = amount_fen + 100 WHERE ${first('budget')}`,
  driver_value: `UPDATE driver_value SET value_milli = value_milli + 1 WHERE ${last('driver_value')}`,
  timesheet: `UPDATE timesheet SET hours_milli = hours_milli + 1 WHERE ${last('timesheet')}`,
  schedule: `UPDATE schedule SET memo = memo || '!' WHERE ${first('schedule')}`,
  schedule_entry: `UPDATE schedule_entry SET posted_at = coalesce(posted_at, '') || '!' WHERE ${last('schedule_entry', 'rowid')}`,
  alloc_rule: `UPDATE alloc_rule SET name = name || '!' WHERE ${first('alloc_rule')}`,
  alloc_run: `UPDATE alloc_run SET total_fen = total_fen + 1 WHERE ${last('alloc_run')}`,
  import_batch: `INSERT INTO import_batch (kind, mode, file_name, file_hash, created_at, created_by) VALUES ('expenses', 'claims', 'x.xlsx', '', '2026-01-01', 'mallory')`,
  import_mapping: `INSERT INTO import_mapping (shape, kind, mapping, updated_at) VALUES ('forged', 'expenses', '{}', '2026-01-01')`,
};

/**
 * The rest of what a book from before the row log looks like (the same edits on today's
 * demo are otherwise the launder attack that db/migrations/audit-guard.ts refuses): none of
 * the migrations that record their runs (0900 on), no audit head or key id, and no audit records only a newer build
 * writes, the chain linked as that build wrote it (audit.ts's recipe).
 */
function asBuiltBeforeRowLog(db: ReturnType<typeof openSqlite>): void {
  for (const t of db.prepare(`SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'rl\\_%' ESCAPE '\\'`).pluck().all() as string[]) db.exec(`DROP TRIGGER ${t}`);
  db.exec(`DELETE FROM _migration WHERE id >= '0900_audit_head'; DROP TABLE IF EXISTS audit_head; DELETE FROM book_meta WHERE key = 'audit_key_id';
           DROP TRIGGER tr_audit_no_upd; DROP TRIGGER tr_audit_no_del; DELETE FROM audit_log WHERE action IN ('book.migrate', 'audit.keyed')`);
  let prev = '0'.repeat(64);
  type Row = { id: number; at: string; user: string; action: string; entity: string; entity_id: string; before: string | null; after: string | null };
  const set = db.prepare('UPDATE audit_log SET prev_hash = ?, hash = ? WHERE id = ?');
  for (const r of db.prepare('SELECT * FROM audit_log ORDER BY id').all() as Row[]) {
    const hash = createHash('sha256').update(JSON.stringify([prev, r.at, r.user, r.action, r.entity, r.entity_id, r.before, r.after])).digest('hex');
    set.run(prev, hash, r.id);
    prev = hash;
  }
  db.exec(`CREATE TRIGGER tr_audit_no_upd BEFORE UPDATE ON audit_log BEGIN SELECT RAISE(ABORT, 'audit log is append-only'); END;
           CREATE TRIGGER tr_audit_no_del BEFORE DELETE ON audit_log BEGIN SELECT RAISE(ABORT, 'audit log is append-only'); END;`);
}

let demo: string;
const session = testSession();

beforeAll(async () => {
  await session.call('book.demo', {});
  const latestClosed = session.session.requireBook().sqlite.prepare(`SELECT max(period) FROM period WHERE status = 'closed'`).pluck().get() as string;
  await session.call('periods.reopen', { period: latestClosed, reason: 'tamper tests edit its rows' });
  const book = session.session.requireBook();
  book.sqlite.pragma('wal_checkpoint(TRUNCATE)');
  demo = join(tempDir(), 'demo.book');
  copyFileSync(book.path, demo);
}, 120_000);
afterAll(() => session.session.requireBook().close());

/** A copy of the demo book changed by `edit` on a raw connection, then checked through the app. */
function tamperedCheck(edit: (db: ReturnType<typeof openSqlite>) => void): string[] {
  const path = join(tempDir(), 'tampered.book');
  copyFileSync(demo, path);
  const db = openSqlite(path, { fileMustExist: true });
  edit(db);
  db.close();
  const book = openBook(path);
  try {
    return checkBook(book).findings.map((f) => f.message);
  } finally {
    book.close();
  }
}

describe('row log tamper checks', () => {
  it('the untouched demo book passes, every covered table has its triggers', () => {
    expect(tamperedCheck(() => {})).toEqual([]);
    const db = openSqlite(demo, { readonly: true });
    const triggers = new Set((db.prepare(`SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'rl\\_%' ESCAPE '\\'`).pluck().all() as string[]));
    db.close();
    for (const t of ROW_LOG_TABLES) for (const op of ['ins', 'upd', 'del']) expect(triggers.has(`rl_${t}_${op}`)).toBe(true);
  });

  for (const t of ROW_LOG_TABLES) {
    it(`${t}: a change with triggers in place is logged but unsealed`, () => {
      const found = tamperedCheck((db) => expect(db.prepare(TAMPER[t]).run().changes).toBe(1));
      expect(found.some((m) => m.startsWith(`${t}: `) && m.includes('outside the app'))).toBe(true);
    });
    it(`${t}: a change with its triggers dropped differs from the row log`, () => {
      const found = tamperedCheck((db) => {
        for (const op of ['ins', 'upd', 'del']) db.exec(`DROP TRIGGER rl_${t}_${op}`);
        expect(db.prepare(TAMPER[t]).run().changes).toBe(1);
      });
      expect(found.some((m) => new RegExp(`^${t} \\[.+\\]: `).test(m))).toBe(true);
      expect(found.some((m) => m.includes('outside the app'))).toBe(false);
    });
  }

  it('a row deleted with triggers dropped is reported missing', () => {
    const found = tamperedCheck((db) => {
      db.exec('DROP TRIGGER rl_budget_del');
      db.prepare(`DELETE FROM budget WHERE ${first('budget')}`).run();
    });
    expect(found.some((m) => /^budget \[\d+\]: logged but missing/.test(m))).toBe(true);
  });

  it('an edited or removed row log entry breaks the chain', () => {
    const edited = tamperedCheck((db) => {
      db.exec('DROP TRIGGER tr_row_log_no_upd');
      db.prepare(`UPDATE row_log SET row_json = replace(row_json, '"amount_fen":', '"amount_fen":1') WHERE id = (SELECT max(id) FROM row_log WHERE tbl = 'budget')`).run();
    });
    expect(edited.some((m) => m.includes('row log chain broken'))).toBe(true);
    const cut = tamperedCheck((db) => {
      db.exec('DROP TRIGGER tr_row_log_no_del');
      db.prepare('DELETE FROM row_log WHERE id = (SELECT max(id) FROM row_log)').run();
    });
    expect(cut.some((m) => m.startsWith('row_log'))).toBe(true);
  });

  it('claim lines: an edited, added or removed line is found through the lines hash', () => {
    const claim = (db: ReturnType<typeof openSqlite>) => db.prepare('SELECT claim_id FROM claim_line ORDER BY id LIMIT 1').pluck().get() as number;
    const edited = tamperedCheck((db) => db.prepare('UPDATE claim_line SET amount_fen = amount_fen + 1 WHERE id = (SELECT min(id) FROM claim_line)').run());
    expect(edited.some((m) => /^claim_line of claim \d+: lines differ/.test(m))).toBe(true);
    const removed = tamperedCheck((db) => db.prepare('DELETE FROM claim_line WHERE claim_id = ? AND line_no = 1').run(claim(db)));
    expect(removed.some((m) => m.startsWith('claim_line of claim '))).toBe(true);
  });

  it('a book made before the row log gets a sealed baseline when migrated, and passes', () => {
    const found = tamperedCheck((db) => {
      // What a book from the previous version looks like: no row log, migration 0600 not applied.
      for (const t of db.prepare(`SELECT name FROM sqlite_master WHERE type = 'trigger' AND (name LIKE 'rl\\_%' ESCAPE '\\' OR name LIKE 'tr_row_log%')`).pluck().all() as string[]) db.exec(`DROP TRIGGER ${t}`);
      db.exec(`DROP TABLE row_log; DROP TABLE row_log_head; DELETE FROM _migration WHERE id = '0600_row_log'`);
      asBuiltBeforeRowLog(db);
    });
    expect(found).toEqual([]);
    const path = join(tempDir(), 'old.book');
    copyFileSync(demo, path);
    const db = openSqlite(path, { fileMustExist: true });
    db.exec(`DROP TRIGGER tr_row_log_no_del; DROP TABLE row_log; DROP TABLE row_log_head; DELETE FROM _migration WHERE id = '0600_row_log'`);
    asBuiltBeforeRowLog(db);
    db.close();
    const book = openBook(path);
    const ops = book.sqlite.prepare(`SELECT op, count(*) AS n, count(sealed_hash) AS sealed FROM row_log GROUP BY op`).all();
    // Dropping the tables took their triggers with them; the migration recreated all of them.
    expect(ops).toEqual([{ op: 'baseline', n: expect.any(Number), sealed: expect.any(Number) }]);
    const { n, sealed } = (ops as { n: number; sealed: number }[])[0]!;
    expect(sealed).toBe(n);
    expect(n).toBeGreaterThan(1000);
    book.close();
  });

  it('allocation lines: an edited or removed line is found through the lines hash of the run', () => {
    const edited = tamperedCheck((db) => db.prepare('UPDATE alloc_line SET amount_fen = amount_fen + 1 WHERE id = (SELECT max(id) FROM alloc_line)').run());
    expect(edited.some((m) => /^alloc_line of alloc_run \d+: lines differ/.test(m))).toBe(true);
    const removed = tamperedCheck((db) => db.prepare('DELETE FROM alloc_line WHERE id = (SELECT max(id) FROM alloc_line)').run());
    expect(removed.some((m) => m.startsWith('alloc_line of alloc_run '))).toBe(true);
  });

  it('app actions after opening the book leave the check passing', async () => {
    const { call } = session;
    // The session's own folder is removed after the first test (tempDir), and book.check
    // opens the file again in a job worker: work on a copy that exists.
    const path = join(tempDir(), 'actions.book');
    copyFileSync(demo, path);
    await call('book.open', { path });
    const book = session.session.requireBook();
    // The first approval step of a submitted claim belongs to the claimant's approver.
    const submitted = book.sqlite
      .prepare(`SELECT c.id, u.name FROM claim c JOIN employee e ON e.id = c.employee_id JOIN app_user u ON u.employee_id = e.approver_id WHERE c.status = 'submitted' ORDER BY c.id LIMIT 1`)
      .get() as { id: number; name: string } | undefined;
    expect(submitted).toBeDefined();
    const accountant = book.user;
    const logged = book.sqlite.prepare('SELECT count(*) FROM row_log').pluck().get() as number;
    await call('users.login', { name: submitted!.name });
    await call('claims.approve', { id: submitted!.id, comment: 'ok' });
    await call('users.login', { name: accountant });
    const b = book.sqlite.prepare('SELECT * FROM budget ORDER BY id LIMIT 1').get() as { id: number; period_kind: 'month'; period: string; department_id: number | null; category_id: number | null; amount_fen: number };
    const scope = { departmentId: b.department_id, categoryId: b.category_id };
    await call('budgets.save', { id: b.id, ...scope, periodKind: b.period_kind, period: b.period, amountFen: b.amount_fen + 10_000, warnPct: 80, alertPct: 100, hardBlock: false });
    const period = book.sqlite.prepare(`SELECT max(period) FROM period WHERE status = 'open'`).pluck().get() as string;
    await call('allocation.run', { period, ruleSet: 'default' });
    expect(book.sqlite.prepare('SELECT count(*) FROM row_log').pluck().get()).toBeGreaterThan(logged);
    const report = await call('book.check', {});
    expect(report.findings).toEqual([]);
    expect(book.sqlite.prepare('SELECT count(*) FROM row_log WHERE sealed_hash IS NULL').pluck().get()).toBe(0);
  });
});
