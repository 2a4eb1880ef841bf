/**
 * WAL safety (issue 16, break 3): a deleted -wal or a replaced book file stops writing with
 * a clear message, and what was committed before survives a crash; the per-action
 * checkpoint's cost is measured; synced folders are recognised.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../../../test/support/temp';
import { testSession } from '../../../test/support/session';
import { openSqlite } from '../db/sqlite';
import { createBook } from './open';
import { syncedFolder } from './wal-guard';

const TSX = join(process.cwd(), 'node_modules/.bin/tsx');

describe('WAL safety', () => {
  it('a -wal deleted under the open book: writing stops, and the work saved before survives a kill', () => {
    const dir = tempDir();
    const path = join(dir, 'co.book');
    createBook({ path, company: '测试', firstPeriod: '2026-01' }).close();
    const r = spawnSync(TSX, [join(process.cwd(), 'test/support/wal-crash-child.ts'), path, dir], { encoding: 'utf8' });
    // tsx relays its child's SIGKILL as exit status 137.
    expect(r.signal === 'SIGKILL' || r.status === 137).toBe(true);
    const replies = r.stdout.trim().split('\n').map((l) => JSON.parse(l) as { ok: boolean; error?: { code: string; message: string } });
    expect(replies.map((x) => x.ok)).toEqual([true, true, false, false]);
    expect(replies[2]!.error!.code).toBe('book.walMissing');
    expect(replies[2]!.error!.message).toContain('-wal');
    const db = openSqlite(path, { readonly: true, fileMustExist: true });
    // Checkpointed at the end of the action: in the book file itself, not only in the deleted -wal.
    expect(db.prepare('SELECT name FROM customer ORDER BY id').pluck().all()).toEqual(['甲公司']);
    db.close();
  }, 60_000);

  it('a book file replaced under the open book stops writing', async () => {
    const { call, callErr, dir } = testSession();
    const info = await call('book.create', { path: 'co.book', company: '测试' });
    copyFileSync(info.path, join(dir, 'copy.book'));
    renameSync(join(dir, 'copy.book'), info.path);
    expect((await callErr('customers.create', { name: '甲' })).code).toBe('book.replaced');
  });

  it('measures the PASSIVE checkpoint per action', async () => {
    const { call, session } = testSession();
    await call('book.create', { path: 'co.book', company: '测试' });
    const book = session.requireBook();
    const time = async (n: number) => {
      const t = process.hrtime.bigint();
      for (let i = 0; i < n; i++) await call('customers.create', { name: `客户${i}` });
      return Number(process.hrtime.bigint() - t) / 1e6 / n;
    };
    const withCheckpoint = await time(200);
    // The checkpoint alone, after a small committed write like an action's.
    let spent = 0n;
    const insert = book.sqlite.prepare(`INSERT INTO book_meta (key, value) VALUES (?, 'x')`);
    for (let i = 0; i < 200; i++) {
      book.sqlite.transaction(() => insert.run(`bench-${i}`))();
      const t = process.hrtime.bigint();
      book.sqlite.pragma('wal_checkpoint(PASSIVE)');
      spent += process.hrtime.bigint() - t;
    }
    const checkpoint = Number(spent) / 1e6 / 200;
    console.log(`[wal] customers.create with its PASSIVE checkpoint: ${Math.round(withCheckpoint * 100) / 100} ms; the checkpoint alone after a small write: ${Math.round(checkpoint * 1000) / 1000} ms`);
    expect(checkpoint).toBeLessThan(withCheckpoint);
    expect(withCheckpoint).toBeLessThan(50); // the house's 50 ms budget per user action
  });

  it('recognises the folders of sync clients', () => {
    expect(syncedFolder('C:\\Users\\li\\OneDrive - 某公司\\账套\\co.book')).toBe('OneDrive - 某公司');
    expect(syncedFolder('/Users/li/Library/Mobile Documents/com~apple~CloudDocs/co.book')).toBe('Mobile Documents');
    expect(syncedFolder('D:\\我的坚果云\\co.book')).toBe('我的坚果云');
    expect(syncedFolder('D:\\BaiduSyncdisk\\co.book')).toBe('BaiduSyncdisk');
    expect(syncedFolder('/home/li/Dropbox/co.book')).toBe('Dropbox');
    expect(syncedFolder('/home/li/books/co.book')).toBeNull();
  });
});
