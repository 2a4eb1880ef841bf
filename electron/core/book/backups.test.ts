import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { testSession } from '../../../test/support/session';
import { Session } from '../service/session';
import { dispatch } from '../service/index';
import { backupDir, KEEP } from './backups';
import { openSqlite } from '../db/sqlite';

describe('data safety', () => {
  it('backs up on close, rotating, and restores a backup with a preview', async () => {
    const { call, session, dir } = testSession();
    session.options.autoBackup = true;
    const info = await call('book.create', { path: 'safe', company: '安全公司' });
    for (let i = 0; i < KEEP + 2; i++) {
      await call('book.close', {});
      await call('book.open', { path: info.path });
    }
    const list = await call('backups.list', {});
    expect(list).toHaveLength(KEEP);
    expect(list[0]).toMatchObject({ reason: 'close', company: '安全公司', vouchers: 0 });
    // Damage the book's meta, then restore the newest backup.
    session.requireBook().sqlite.prepare(`UPDATE book_meta SET value = 'changed' WHERE key = 'company'`).run();
    const restored = await call('backups.restore', { path: info.path, backup: list[0]!.path });
    expect(restored.company).toBe('安全公司');
    expect(readdirSync(backupDir(info.path)).some((f) => f.includes('pre-restore'))).toBe(true);
    const outside = `${dir}/elsewhere.book`;
    writeFileSync(outside, 'x');
    expect((await dispatch(session, 'backups.restore', { path: info.path, backup: outside })).ok).toBe(false);
  });

  it('offers backups when a book will not open, and restores it', async () => {
    const { call, callErr, session } = testSession();
    session.options.autoBackup = true;
    const info = await call('book.create', { path: 'broken', company: '坏账套' });
    await call('book.close', {});
    writeFileSync(info.path, Buffer.alloc(4096, 7));
    for (const s of ['-wal', '-shm']) if (existsSync(info.path + s)) writeFileSync(info.path + s, '');
    expect((await callErr('book.open', { path: info.path })).code).toBe('book.notABook');
    const list = await call('backups.list', { path: info.path });
    expect(list).toHaveLength(1);
    const reopened = await call('backups.restore', { path: info.path, backup: list[0]!.path });
    expect(reopened.company).toBe('坏账套');
  });

  it('refuses a second instance on the same book and takes over a stale lock', async () => {
    const a = testSession();
    const info = await a.call('book.create', { path: 'shared', company: 'S' });
    const b = new Session({ settingsDir: a.dir, booksDir: a.dir });
    const refused = await dispatch(b, 'book.open', { path: info.path });
    expect(refused.ok).toBe(false);
    expect(!refused.ok && refused.error.code).toBe('book.locked');
    await a.call('book.close', {});
    expect((await dispatch(b, 'book.open', { path: info.path })).ok).toBe(true);
    b.setBook(null);
    // A lock left by a process that died (kill -9) is stale.
    writeFileSync(`${info.path}.lock`, JSON.stringify({ pid: 999_999_999, host: (await import('node:os')).hostname(), at: '' }));
    expect((await dispatch(b, 'book.open', { path: info.path })).ok).toBe(true);
    b.setBook(null);
  });

  it('copies a book before a newer program migrates it', async () => {
    const { call, session } = testSession();
    const info = await call('book.create', { path: 'old', company: 'O' });
    session.setBook(null);
    // Pretend the book predates the newest migration.
    const raw = openSqlite(info.path);
    const last = (raw.prepare('SELECT id FROM _migration ORDER BY id DESC LIMIT 1').get() as { id: string }).id;
    raw.prepare('DELETE FROM _migration WHERE id = ?').run(last);
    raw.close();
    // Re-running the newest migration on an up-to-date schema fails: the backup must exist before.
    await dispatch(session, 'book.open', { path: info.path });
    expect(readdirSync(backupDir(info.path)).some((f) => f.includes('pre-migration'))).toBe(true);
  });
});
