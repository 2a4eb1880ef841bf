/** Gapless numbering with two writers: two processes, two connections, one book file. */
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { testBook } from '../../../test/support/book';
import { checkBook } from '../book/check';

const run = promisify(execFile);
const TSX = join(process.cwd(), 'node_modules/.bin/tsx');
const WORKER = join(import.meta.dirname, 'numbering.worker.ts');

describe('voucher numbering', () => {
  it('stays 1..N without gaps or duplicates when two writers post at once', async () => {
    const book = testBook();
    const N = 60;
    const [a, b] = await Promise.all([run(TSX, [WORKER, book.path, String(N), 'A']), run(TSX, [WORKER, book.path, String(N), 'B'])]);
    const numbersA = JSON.parse(a.stdout) as number[];
    const numbersB = JSON.parse(b.stdout) as number[];
    const all = [...numbersA, ...numbersB].sort((x, y) => x - y);
    expect(all).toEqual(Array.from({ length: 2 * N }, (_, i) => i + 1));
    // Each writer's own numbers rise; the two interleaved (they really ran at once) is likely but not required.
    expect(numbersA).toEqual([...numbersA].sort((x, y) => x - y));
    const stored = book.sqlite.prepare(`SELECT number FROM voucher WHERE period = '2026-03' ORDER BY number`).pluck().all();
    expect(stored).toEqual(all);
    expect(checkBook(book).ok).toBe(true);
  }, 120_000);
});
