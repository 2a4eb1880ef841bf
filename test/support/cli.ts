/** The CLI in-process for tests: a fresh book and app home per test, and one command's JSON output. */
import { join } from 'node:path';
import { afterEach, beforeEach, vi } from 'vitest';
import { createBook } from '../../electron/core/book/open';
import { runCli, type Command } from '../../electron/cli/run';
import { tempDir } from './temp';

/** Runs `args --json` and parses the one object it prints. */
export async function cliJson<T = Record<string, unknown>>(args: string[], commands: Record<string, Command>): Promise<{ code: number; json: T }> {
  let out = '';
  const spy = vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    out += String(chunk);
    return true;
  });
  try {
    const code = await runCli([...args, '--json'], commands, 'usage');
    return { code, json: JSON.parse(out) as T };
  } finally {
    spy.mockRestore();
  }
}

/** Before each test: a new folder with an empty book (co.book) and an app home of its own (recent books, settings). */
export function freshBookEachTest(): { dir: string; book: string } {
  const at = { dir: '', book: '' };
  beforeEach(() => {
    at.dir = tempDir();
    process.env.CLIENT_LEDGER_HOME = tempDir('cl-home-');
    at.book = join(at.dir, 'co.book');
    createBook({ path: at.book, company: '测试公司', firstPeriod: '2026-01' }).close();
  });
  afterEach(() => {
    delete process.env.CLIENT_LEDGER_HOME;
  });
  return at;
}
