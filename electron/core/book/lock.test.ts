/** The book lock: taking over a stale lock is atomic, with real processes racing (issue 16). */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { afterAll, describe, expect, it } from 'vitest';
import { UserError } from '../../../shared/errors';
import { lockBook } from './lock';

const TSX = join(process.cwd(), 'node_modules/.bin/tsx');
const CHILD = join(process.cwd(), 'test/support/lock-race-child.ts');

/** A child that answers each "try" line; `next()` is its next answer. */
function racer() {
  const child = spawn(TSX, [CHILD]) as ChildProcessWithoutNullStreams;
  const answers: string[] = [];
  const waiting: ((s: string) => void)[] = [];
  createInterface({ input: child.stdout }).on('line', (l) => (waiting.length ? waiting.shift()!(l) : answers.push(l)));
  const next = () => new Promise<string>((resolve) => (answers.length ? resolve(answers.shift()!) : waiting.push(resolve)));
  return { child, next };
}

const children: ChildProcessWithoutNullStreams[] = [];
afterAll(() => children.forEach((c) => c.kill()));

describe('book lock', () => {
  it('refuses a live lock and takes over a dead one', () => {
    const dir = mkdtempSync(join(tmpdir(), 'lock-'));
    const path = join(dir, 'a.book');
    const release = lockBook(path);
    expect(() => lockBook(path)).toThrow(UserError);
    release();
    writeFileSync(`${path}.lock`, JSON.stringify({ pid: 999_999_999, host: hostname(), at: '' }));
    lockBook(path)();
    expect(readdirSync(dir)).toEqual([]);
  });

  it('8 processes racing to take over a stale lock: exactly one wins, in each of 20 trials', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'lock-race-'));
    const racers = Array.from({ length: 8 }, racer);
    children.push(...racers.map((r) => r.child));
    expect(await Promise.all(racers.map((r) => r.next()))).toEqual(Array(8).fill('ready'));
    const winners: number[] = [];
    for (let trial = 0; trial < 20; trial++) {
      const path = join(dir, `t${trial}.book`);
      // A lock left by a process that is gone (pid far above any pid_max).
      writeFileSync(`${path}.lock`, JSON.stringify({ pid: 999_999_999, host: hostname(), at: '' }));
      for (const r of racers) r.child.stdin.write(`try ${path}\n`);
      const answers = await Promise.all(racers.map((r) => r.next()));
      expect(answers.filter((a) => a !== 'win' && a !== 'lose')).toEqual([]);
      winners.push(answers.filter((a) => a === 'win').length);
      expect(existsSync(`${path}.lock.takeover`)).toBe(false);
    }
    expect(winners).toEqual(Array(20).fill(1));
    // No temp files left beside the books: only each trial's lock.
    expect(readdirSync(dir).filter((f) => !f.endsWith('.book.lock'))).toEqual([]);
  }, 60_000);
});
