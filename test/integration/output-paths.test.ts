/**
 * No write lands on a book by accident (issue 16, break 1): the CLI's --out and --rejects
 * and the harness's exportHledger pointed at the book, its side files, the backups folder
 * or the app's home are refused with a typed error, and the book stays byte-for-byte as it was.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { cliJson, freshBookEachTest } from '../support/cli';
import { writeXlsx } from '../support/xlsx';
import { importCommands } from '../../electron/cli/commands/import';
import { ledgerCommands } from '../../electron/cli/commands/ledger';
import { reportCommands } from '../../electron/cli/commands/report';
import { bookCommands } from '../../electron/cli/commands/book';
import { testSession } from '../support/session';

const commands = { ...importCommands, ...ledgerCommands, ...reportCommands, ...bookCommands };
const cli = (args: string[]) => cliJson<{ error?: { code: string } }>(args, commands);
const sha = (p: string) => createHash('sha256').update(readFileSync(p)).digest('hex');

describe('outputs never land on a book', () => {
  const at = freshBookEachTest();
  // The first open through the CLI keys the book's audit chain (a write); the refusals below must write nothing.
  beforeEach(async () => expect((await cli(['book', 'check', at.book])).code).toBe(0));

  it('export hledger --out BOOK is refused and the book is untouched', async () => {
    const before = sha(at.book);
    const r = await cli(['export', 'hledger', at.book, '--out', at.book]);
    expect(r).toMatchObject({ code: 2, json: { error: { code: 'path.isBook' } } });
    expect(sha(at.book)).toBe(before);
    expect((await cli(['book', 'check', at.book])).code).toBe(0);
  });

  it('report trial-balance --out BOOK (and a symlink to it) is refused', async () => {
    const before = sha(at.book);
    const r = await cli(['report', 'trial-balance', at.book, '--from', '2026-01', '--to', '2026-01', '--out', at.book]);
    expect(r).toMatchObject({ code: 2, json: { error: { code: 'path.isBook' } } });
    const link = join(at.dir, 'innocent.xlsx');
    symlinkSync(at.book, link);
    expect((await cli(['report', 'trial-balance', at.book, '--from', '2026-01', '--to', '2026-01', '--out', link])).json.error?.code).toBe('path.isBook');
    expect(sha(at.book)).toBe(before);
  });

  it('import --rejects BOOK is refused before anything is imported', async () => {
    const file = await writeXlsx([{ name: '明细', rows: [['日期', '报销人', '客户', '费用类别', '发票号', '金额'], ['2026-01-05', '张伟', '甲公司', '差旅', 'A1', '100.00']] }], 'x.xlsx', at.dir);
    const r = await cli(['import', 'expenses', at.book, file, '--rejects', at.book]);
    expect(r).toMatchObject({ code: 2, json: { error: { code: 'path.isBook' } } });
    expect((await cli(['import', 'batches', at.book])).json).toEqual([]);
    expect((await cli(['book', 'check', at.book])).code).toBe(0);
  });

  it('a missing folder is the environment (exit 1), with its own message', async () => {
    const r = await cli(['export', 'hledger', at.book, '--out', join(at.dir, 'no-such-folder', 'x.journal')]);
    expect(r).toMatchObject({ code: 1, json: { error: { code: 'file.folderMissing' } } });
  });
});

describe('the core refuses the same for every caller (harness, app)', () => {
  it('ledger.exportHledger to the open book, its -wal/-shm/lock, the backups folder, the app home or a folder', async () => {
    const { dir, call, callErr, session } = testSession();
    const info = await call('book.create', { path: 'co.book', company: '测试' });
    const before = sha(info.path);
    for (const p of [info.path, info.path + '-wal', info.path + '-shm', info.path + '.lock']) {
      expect((await callErr('ledger.exportHledger', { path: p })).code).toBe('path.isBook');
    }
    mkdirSync(join(dir, '.client-ledger-backups', 'co'), { recursive: true });
    expect((await callErr('ledger.exportHledger', { path: join(dir, '.client-ledger-backups', 'co', 'x.book') })).code).toBe('path.internal');
    expect((await callErr('ledger.exportHledger', { path: join(session.options.settingsDir, 'recent-books.json') })).code).toBe('path.internal');
    expect((await callErr('ledger.exportHledger', { path: '/tmp' })).code).toBe('path.isFolder');
    expect(sha(info.path)).toBe(before);
    // Another (closed) book is just as much a book.
    const other = join(dir, 'sub');
    mkdirSync(other);
    writeFileSync(join(other, 'renamed-book.xlsx'), Buffer.concat([Buffer.from('SQLite format 3\0', 'latin1'), Buffer.alloc(84)]));
    expect((await callErr('reports.export', { name: 'trial-balance', from: '2026-01', to: '2026-01', filters: {}, path: join(other, 'renamed-book.xlsx') })).code).toBe('path.isBook');
  });
});
