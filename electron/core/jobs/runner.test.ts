import { existsSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { UserError } from '../../../shared/errors';
import { testBook } from '../../../test/support/book';
import { lockBook } from '../book/lock';
import type { ProbeMode } from './fixtures/probe-job';
import { cancelJob, getJob, runJob } from './runner';

const probe = new URL('./fixtures/probe-job.ts', import.meta.url).href;

function start(bookPath: string, mode: ProbeMode, extra: Record<string, unknown> = {}, onProgress?: (d: unknown) => void) {
  return runJob<unknown>({ job: probe, bookPath, user: '王会计', locale: 'en', payload: { mode, ...extra } }, { onProgress });
}

async function failure(p: Promise<unknown>): Promise<UserError> {
  const e = await p.then(() => null, (err: unknown) => err);
  expect(e).toBeInstanceOf(UserError);
  return e as UserError;
}

describe('job runner', () => {
  it('runs a job in a worker on its own connection with the same pragmas, passing progress and the result', async () => {
    const book = testBook({ company: '进度公司' });
    const seen: unknown[] = [];
    const { id, done } = start(book.path, 'count', { n: 3 }, (d) => seen.push(d));
    expect(getJob(id).state).toBe('running');
    const result = await done;
    expect(result).toEqual({ company: '进度公司', user: '王会计', locale: 'en', fk: 1, journal: 'wal', busy: 5000 });
    expect(seen).toEqual([{ step: 1, of: 3 }, { step: 2, of: 3 }, { step: 3, of: 3 }]);
    expect(getJob(id)).toMatchObject({ state: 'done', progress: { step: 3, of: 3 }, result, error: null });
  });

  it('cancels a running job: it fails as job.cancelled, and what it had not committed is not in the book', async () => {
    const book = testBook();
    let holding!: () => void;
    const writing = new Promise<void>((r) => (holding = r));
    const { id, done } = start(book.path, 'holdWrite', { holdMs: 60_000 }, () => holding());
    await writing;
    expect(cancelJob(id)).toBe(true);
    expect((await failure(done)).code).toBe('job.cancelled');
    expect(getJob(id).state).toBe('failed');
    expect(cancelJob(id)).toBe(false);
    // The worker's transaction died with it: its row is not there, and the write lock is free again.
    await expect.poll(() => {
      try {
        book.sqlite.prepare(`INSERT INTO book_meta (key, value) VALUES ('after-cancel', 'y')`).run();
        return true;
      } catch {
        return false;
      }
    }, { timeout: 10_000 }).toBe(true);
    expect(book.sqlite.prepare(`SELECT COUNT(*) FROM book_meta WHERE key = 'probe'`).pluck().get()).toBe(0);
  });

  it('a job cancelled half way through writing a file leaves neither the file nor its temp file', async () => {
    const book = testBook();
    const dir = dirname(book.path);
    const target = join(dir, 'export.xlsx');
    let writing!: () => void;
    const halfWay = new Promise<void>((r) => (writing = r));
    const { id, done } = start(book.path, 'holdFile', { path: target }, () => writing());
    await halfWay;
    const leftovers = () => readdirSync(dir).filter((f) => f.includes('export.xlsx'));
    expect(leftovers()).toHaveLength(1);
    expect(cancelJob(id)).toBe(true);
    expect((await failure(done)).code).toBe('job.cancelled');
    await expect.poll(leftovers, { timeout: 10_000 }).toEqual([]);
  });

  it('brings a UserError back typed, with its params', async () => {
    const book = testBook();
    const { id, done } = start(book.path, 'typed');
    const e = await failure(done);
    expect(e.code).toBe('report.badRange');
    expect(e.params).toEqual({ from: '2026-03', to: '2026-01' });
    expect(getJob(id)).toMatchObject({ state: 'failed', error: e });
  });

  it('turns an unexpected error in the job into a typed internal error', async () => {
    const book = testBook();
    const e = await failure(start(book.path, 'throw').done);
    expect(e.code).toBe('internal');
    expect(e.params.detail).toContain('probe failed');
  });

  it('a worker that crashes or exits is a typed job.crashed failure, not a hang', async () => {
    const book = testBook();
    const crashed = await failure(start(book.path, 'uncaught').done);
    expect(crashed.code).toBe('job.crashed');
    expect(crashed.params.detail).toContain('probe crashed');
    const exited = await failure(start(book.path, 'exit').done);
    expect(exited).toMatchObject({ code: 'job.crashed', params: { detail: 'exit 3' } });
  });

  it('a worker that dies inside a write transaction leaves nothing behind and lets go of the write lock', async () => {
    const book = testBook();
    const e = await failure(start(book.path, 'exitWriting').done);
    expect(e).toMatchObject({ code: 'job.crashed', params: { detail: 'exit 4' } });
    expect(book.meta('probe')).toBeUndefined();
    book.sqlite.pragma('busy_timeout = 0');
    expect(() => book.tx(() => book.sqlite.prepare(`INSERT INTO book_meta (key, value) VALUES ('after', 'y')`).run())).not.toThrow();
    expect(book.meta('after')).toBe('y');
  });

  it('a book that is gone is a typed error from the worker', async () => {
    const e = await failure(start('/no/such/folder/x.book', 'count').done);
    expect(e.code).toBe('book.notFound');
  });

  it('works on a book this instance holds the lock on, and leaves the lock alone', async () => {
    const book = testBook();
    const release = lockBook(book.path);
    try {
      await expect(start(book.path, 'count', { n: 1 }).done).resolves.toMatchObject({ journal: 'wal' });
      expect(existsSync(`${book.path}.lock`)).toBe(true);
      expect(() => lockBook(book.path)).toThrow(UserError);
    } finally {
      release();
    }
  });

  it('an unknown job id is a typed job.notFound', () => {
    expect(() => getJob('nope')).toThrow(expect.objectContaining({ code: 'job.notFound' }));
  });
});
