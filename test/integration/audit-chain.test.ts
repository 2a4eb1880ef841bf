/**
 * A chain that proves something (issue 16, break 2), each attack done with a raw SQLite
 * connection as sqlite3 would, then `book check` through the CLI with the app home's key:
 * - launder by migration: tamper a claim, drop the row log, delete its migration row: the
 *   migration must not re-baseline; the book is held and check reports it;
 * - tail deletion: the last audit records deleted (and the head rewritten to match);
 * - re-hash forgery: +¥10,000 on a posted voucher with every hash recomputed by the
 *   published recipe: only the keyed head tag gives it away, and with the key absent
 *   check says it could not verify.
 */
import { createHash } from 'node:crypto';
import { renameSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { cliJson, freshBookEachTest } from '../support/cli';
import { writeXlsx } from '../support/xlsx';
import { bookCommands } from '../../electron/cli/commands/book';
import { importCommands } from '../../electron/cli/commands/import';
import { ledgerCommands } from '../../electron/cli/commands/ledger';
import { openSqlite, type Sqlite } from '../../electron/core/db/sqlite';
import { openBook } from '../../electron/core/book/open';
import { Book } from '../../electron/core/book/book';
import { FileKeyStore } from '../../electron/core/book/audit-key';
import { registerKey } from '../../electron/core/book/keying';
import { bookVoucher, voucherContentHash, voucherHeader, voucherLines } from '../../electron/core/ledger/vouchers';
import '../../electron/core/service/index';

const commands = { ...bookCommands, ...importCommands, ...ledgerCommands };
type Report = { ok: boolean; findings: { message: string }[]; key: { status: string; id: string | null }; error?: { code: string } };
const cli = (args: string[]) => cliJson<Report>(args, commands);
const home = () => process.env.CLIENT_LEDGER_HOME!;

/** The published recipe (book/audit.ts): what an attacker with the file alone can recompute. */
function rehashFrom(db: Sqlite, fromId: number): void {
  type Row = { id: number; at: string; user: string; action: string; entity: string; entity_id: string; before: string | null; after: string | null; prev_hash: string };
  const set = db.prepare('UPDATE audit_log SET prev_hash = ?, hash = ? WHERE id = ?');
  let prev = (db.prepare('SELECT hash FROM audit_log WHERE id < ? ORDER BY id DESC LIMIT 1').pluck().get(fromId) as string | undefined) ?? '0'.repeat(64);
  let last = 0;
  for (const r of db.prepare('SELECT * FROM audit_log WHERE id >= ? ORDER BY id').all(fromId) as Row[]) {
    const hash = createHash('sha256').update(JSON.stringify([prev, r.at, r.user, r.action, r.entity, r.entity_id, r.before, r.after])).digest('hex');
    set.run(prev, hash, r.id);
    prev = hash;
    last = r.id;
  }
  const records = db.prepare('SELECT count(*) FROM audit_log').pluck().get() as number;
  db.prepare('UPDATE audit_head SET last_id = ?, hash = ?, records = ? WHERE k = 1').run(last || fromId - 1, prev, records);
}

function raw(path: string, edit: (db: Sqlite) => void): void {
  const db = openSqlite(path, { fileMustExist: true });
  try {
    edit(db);
  } finally {
    db.close();
  }
}

describe('the audit chain cannot be laundered', () => {
  const at = freshBookEachTest();
  beforeEach(async () => {
    const file = await writeXlsx([{ name: '明细', rows: [['日期', '报销人', '客户', '费用类别', '发票号', '金额'], ['2026-01-05', '张伟', '甲公司', '差旅', 'A1', '100.00'], ['2026-01-06', '张伟', '甲公司', '差旅', 'A2', '20.00']] }], 'x.xlsx', at.dir);
    // The first action through the app keys the book (a backup is one); then an import writes claims.
    expect((await cli(['book', 'backup', at.book, join(at.dir, 'first.book')])).code).toBe(0);
    expect((await cli(['import', 'expenses', at.book, file])).code).toBe(0);
    const ok = await cli(['book', 'check', at.book]);
    expect(ok.json.findings).toEqual([]);
    expect(ok.json).toMatchObject({ ok: true, key: { status: "verified" } });
  }, 120_000);

  it('launder by migration: a tampered claim with the row log dropped and 0600 deleted is not re-baselined', async () => {
    raw(at.book, (db) => {
      db.exec(`UPDATE claim_line SET amount_fen = amount_fen + 1000000 WHERE id = (SELECT min(id) FROM claim_line)`);
      for (const t of db.prepare(`SELECT name FROM sqlite_master WHERE type = 'trigger' AND (name LIKE 'rl\\_%' ESCAPE '\\' OR name LIKE 'tr_row_log%')`).pluck().all() as string[]) db.exec(`DROP TRIGGER ${t}`);
      db.exec(`UPDATE claim SET total_fen = total_fen + 1000000; DROP TABLE row_log; DROP TABLE row_log_head; DELETE FROM _migration WHERE id = '0600_row_log'`);
    });
    const r = await cli(['book', 'check', at.book]);
    expect(r.code).toBe(1);
    expect(r.json.findings.some((f) => f.message.includes('0600_row_log removed'))).toBe(true);
    expect(r.json.findings.some((f) => f.message.includes('lines differ from their audit record'))).toBe(true);
    // Held: nothing may write, so nothing can bless the edit later either.
    expect((await cli(['book', 'backup', at.book, join(at.dir, 'after.book')])).json.error?.code).toBe('book.auditRemoved');
    raw(at.book, (db) => expect(db.prepare(`SELECT 1 FROM sqlite_master WHERE name = 'row_log'`).get()).toBeUndefined());
  });

  it('launder by migration: every later migration row deleted too, or only 0601 (allocation lines)', async () => {
    raw(at.book, (db) => db.exec(`DELETE FROM _migration WHERE id >= '0601_alloc_lines'`));
    expect((await cli(['book', 'check', at.book])).code).toBe(1);
    raw(at.book, (db) => db.exec(`DROP TABLE IF EXISTS audit_head; DROP TABLE row_log; DROP TABLE row_log_head; DELETE FROM _migration WHERE id >= '0600_row_log'`));
    const r = await cli(['book', 'check', at.book]);
    expect(r.code).toBe(1);
    expect(r.json.findings.some((f) => f.message.includes('after the audit trail recorded it'))).toBe(true);
  });

  it('tail deletion: the last records deleted are found, and so is a head rewritten to match', async () => {
    raw(at.book, (db) => db.exec(`DROP TRIGGER tr_audit_no_del; DELETE FROM audit_log WHERE id = (SELECT max(id) FROM audit_log)`));
    let r = await cli(['book', 'check', at.book]);
    expect(r.code).toBe(1);
    expect(r.json.findings.some((f) => /records removed from the end/.test(f.message))).toBe(true);
    raw(at.book, (db) => db.exec(`DROP TRIGGER tr_audit_no_upd; DELETE FROM audit_log WHERE id = (SELECT max(id) FROM audit_log)`));
    raw(at.book, (db) => rehashFrom(db, db.prepare('SELECT max(id) FROM audit_log').pluck().get() as number));
    r = await cli(['book', 'check', at.book]);
    expect(r.code).toBe(1);
    expect(r.json.findings.map((f) => f.message)).toEqual([expect.stringMatching(/^audit_head: its tag does not verify under key [0-9a-f]{16}/)]);
  });
});

describe('a re-hash forgery', () => {
  const at = freshBookEachTest();

  it('+¥10,000 on a posted voucher, every hash recomputed: found by the keyed head; key absent says so', async () => {
    expect((await cli(['book', 'backup', at.book, join(at.dir, 'first.book')])).code).toBe(0); // the first action keys the book
    const book = openBook(at.book, (s) => registerKey(s, new FileKeyStore(home())));
    const v = book.tx(() => bookVoucher(book, { date: '2026-01-05', memo: '房租', lines: [{ account: '560203', debitFen: 300_000 }, { account: '1002', creditFen: 300_000 }] }));
    book.close();
    expect((await cli(['book', 'check', at.book])).json).toMatchObject({ ok: true, key: { status: 'verified' } });

    raw(at.book, (db) => {
      db.exec(`DROP TRIGGER tr_line_posted_upd; DROP TRIGGER tr_audit_no_upd`);
      db.prepare(`UPDATE voucher_line SET debit_fen = debit_fen + 1000000 WHERE voucher_id = ? AND debit_fen > 0`).run(v.id);
      db.prepare(`UPDATE voucher_line SET credit_fen = credit_fen + 1000000 WHERE voucher_id = ? AND credit_fen > 0`).run(v.id);
      db.exec(`UPDATE ledger_total SET debit_fen = debit_fen + 1000000 WHERE account_code = '560203' AND period = '2026-01';
               UPDATE ledger_total SET credit_fen = credit_fen + 1000000 WHERE account_code = '1002' AND period = '2026-01'`);
      const view = new Book(db, at.book);
      const hash = voucherContentHash(voucherHeader(view, v.id), voucherLines(view, v.id));
      const rec = db.prepare(`SELECT id, after FROM audit_log WHERE action = 'voucher.post' AND entity_id = ?`).get(String(v.id)) as { id: number; after: string };
      db.prepare('UPDATE audit_log SET after = ? WHERE id = ?').run(JSON.stringify({ ...(JSON.parse(rec.after) as object), contentHash: hash }), rec.id);
      rehashFrom(db, rec.id);
    });
    const r = await cli(['book', 'check', at.book]);
    expect(r.code).toBe(1);
    // Everything the recipe covers was re-made: the keyed tag is what is left to catch it.
    expect(r.json.findings.map((f) => f.message)).toEqual([expect.stringMatching(/^audit_head: its tag does not verify/)]);

    const keyFile = join(home(), 'keys', `${(await bookId(at.book))}.key`);
    expect(statSync(keyFile).mode & 0o777).toBe(0o600);
    renameSync(keyFile, keyFile + '.away');
    const absent = await cli(['book', 'check', at.book]);
    expect(absent.code).toBe(1);
    expect(absent.json.key.status).toBe('absent');
    expect(absent.json.findings.map((f) => f.message)).toEqual([expect.stringMatching(/^audit key [0-9a-f]{16} absent/)]);
  });
});

async function bookId(path: string): Promise<string> {
  let id = '';
  raw(path, (db) => (id = db.prepare(`SELECT value FROM book_meta WHERE key = 'book_id'`).pluck().get() as string));
  return id;
}
