/**
 * Issue 16: the machine's trouble is not bad input. A damaged book (truncated, garbled
 * header, a page overwritten), a read-only book and a missing folder each get their own
 * message and CLI exit 1; a file that is not a book at all stays bad input (exit 2).
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, closeSync, openSync, readFileSync, statSync, truncateSync, writeFileSync, writeSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bookCommands } from '../../electron/cli/commands/book';
import { sqliteUserError } from '../../electron/core/service/sqlite-errors';
import { message } from '../../shared/messages/index';
import { cliJson, freshBookEachTest } from '../support/cli';

const cli = (args: string[]) => cliJson<{ error?: { code: string; message: string } }>(args, bookCommands);
const PAGE = 4096;

describe('environment errors at the command line', () => {
  const at = freshBookEachTest();

  it('a truncated book is damaged: its own message, exit 1, the file untouched', async () => {
    const size = statSync(at.book).size;
    truncateSync(at.book, Math.floor(size / PAGE / 2) * PAGE);
    const before = readFileSync(at.book);
    const r = await cli(['book', 'check', at.book]);
    expect(r.code).toBe(1);
    expect(r.json.error?.code).toBe('book.corrupt');
    expect(r.json.error?.message).toMatch(/^账套文件已损坏，无法安全读取（.+）。请在开始页从自动备份恢复/);
    expect(readFileSync(at.book).equals(before)).toBe(true);
  });

  it('a garbled header (SQLITE_NOTADB) and an overwritten page (SQLITE_CORRUPT) are damaged books too', async () => {
    const fd = openSync(at.book, 'r+');
    // The header's page size (offset 16) set to an impossible value.
    writeSync(fd, Buffer.from([0x00, 0x03]), 0, 2, 16);
    closeSync(fd);
    expect(await cli(['book', 'check', at.book])).toMatchObject({ code: 1, json: { error: { code: 'book.corrupt' } } });

    const other = join(at.dir, 'paged.book');
    writeFileSync(other, readFileSync(at.book));
    const fd2 = openSync(other, 'r+');
    writeSync(fd2, Buffer.from([0x00, 0x10]), 0, 2, 16);
    // Every page after the first overwritten with garbage: the schema itself cannot be read.
    const size = statSync(other).size;
    writeSync(fd2, Buffer.alloc(size - PAGE, 0xa5), 0, size - PAGE, PAGE);
    closeSync(fd2);
    expect(await cli(['book', 'check', other])).toMatchObject({ code: 1, json: { error: { code: 'book.corrupt' } } });
  });

  it('a file that is not a book at all is bad input (exit 2)', async () => {
    const junk = join(at.dir, 'junk.book');
    writeFileSync(junk, 'hello, not sqlite');
    expect(await cli(['book', 'check', junk])).toMatchObject({ code: 2, json: { error: { code: 'book.notABook' } } });
  });

  // A missing folder: test/integration/output-paths.test.ts.

  // chmod binds everyone but root: as root the command runs as `nobody` in a child process.
  function bookCheckAsUser(): { status: number | null; out: { error: { code: string; message: string } }; text: string } {
    const root = resolve(import.meta.dirname, '../..');
    const script = `import { runCli } from ${JSON.stringify(join(root, 'electron/cli/run.ts'))};
import { bookCommands } from ${JSON.stringify(join(root, 'electron/cli/commands/book.ts'))};
process.exitCode = await runCli(['book', 'check', ${JSON.stringify(at.book)}, '--json'], bookCommands, 'usage');`;
    const asNobody = process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : {};
    const r = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
      cwd: root,
      encoding: 'utf8',
      env: { ...process.env, CLIENT_LEDGER_HOME: join(at.dir, 'home-ro'), HOME: at.dir },
      timeout: 120_000,
      ...asNobody,
    });
    chmodSync(at.dir, 0o700);
    const last = r.stdout.trim().split('\n').pop() ?? '';
    return { status: r.status, out: JSON.parse(last.startsWith('{') ? last : '{"error":{}}') as never, text: r.stdout + r.stderr.slice(0, 2000) };
  }

  it('a read-only book (chmod 444) in a writable folder: its own message and exit 1', () => {
    chmodSync(at.book, 0o444);
    chmodSync(at.dir, 0o777);
    const r = bookCheckAsUser();
    expect(r.status, r.text).toBe(1);
    expect(r.out.error.code).toBe('file.readOnly');
    expect(r.out.error.message).toBe(message('zh-CN', 'file.readOnly', { path: at.book }));
  }, 130_000);

  it('a book in a folder the user may not write (no lock file can be made): read-only, exit 1', () => {
    chmodSync(at.book, 0o644);
    chmodSync(at.dir, 0o755);
    const r = bookCheckAsUser();
    expect(r.status, r.text).toBe(1);
    expect(r.out.error.code).toBe('file.readOnly');
  }, 130_000);
});

describe('SQLite result codes met after opening', () => {
  it('map to the environment errors by their primary code', () => {
    const err = (code: string) => Object.assign(new Error(code), { code });
    expect(sqliteUserError(err('SQLITE_FULL'), '/b.book')).toMatchObject({ code: 'file.diskFull', params: { path: '/b.book' } });
    expect(sqliteUserError(err('SQLITE_READONLY_DBMOVED'), '/b.book')?.code).toBe('file.readOnly');
    expect(sqliteUserError(err('SQLITE_CORRUPT_INDEX'))?.code).toBe('book.corrupt');
    expect(sqliteUserError(err('SQLITE_NOTADB'))?.code).toBe('book.corrupt');
    expect(sqliteUserError(err('SQLITE_CONSTRAINT'))).toBeNull();
  });
});
