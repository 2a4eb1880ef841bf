/**
 * The ledger's command line as scripts use it: `export hledger` (to a file and to stdout,
 * read back by hledger), `period close|reopen`, and `report trial-balance --json` in the
 * shape the issue fixes. Runs the real CLI in a child process on a real book.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openBook } from '../../electron/core/book/open';
import { bookVoucher } from '../../electron/core/ledger/vouchers';
import { tempDir } from '../support/temp';

const TSX = join(process.cwd(), 'node_modules/.bin/tsx');
const CLI = join(process.cwd(), 'electron/cli/index.ts');

function cli(dir: string, ...args: string[]): { code: number; out: string; json: unknown } {
  const r = spawnSync(TSX, [CLI, ...args, '--json'], { encoding: 'utf8', env: { ...process.env, CLIENT_LEDGER_HOME: dir } });
  return { code: r.status ?? -1, out: r.stdout, json: r.stdout.trim() ? JSON.parse(r.stdout) : null };
}

describe('ledger CLI', () => {
  it('exports hledger, closes and reopens periods, prints the trial balance', () => {
    const dir = tempDir();
    const path = join(dir, 'cli.book');
    expect(cli(dir, 'book', 'create', path, '--company', '测试', '--first-period', '2026-01').code).toBe(0);
    const book = openBook(path);
    book.tx(() => bookVoucher(book, { date: '2026-01-05', memo: '投资', lines: [{ account: '1002', debitFen: 1_000_000 }, { account: '3001', creditFen: 1_000_000 }] }));
    book.tx(() => bookVoucher(book, { date: '2026-02-05', memo: '房租', lines: [{ account: '560203', debitFen: 300_050 }, { account: '1002', creditFen: 300_050 }] }));
    book.close();

    const tb = cli(dir, 'report', 'trial-balance', path, '--from', '2026-02', '--to', '2026-02');
    expect(tb.code).toBe(0);
    const doc = tb.json as { rows: Record<string, unknown>[]; totals: Record<string, number> };
    // The signed columns first, then the Chinese layout's split ones (issue 15).
    expect(Object.keys(doc.rows[0]!)).toEqual(['code', 'name', 'openingFen', 'debitFen', 'creditFen', 'closingFen', 'openingDebitFen', 'openingCreditFen', 'ytdDebitFen', 'ytdCreditFen', 'closingDebitFen', 'closingCreditFen']);
    expect(doc.rows.find((r) => r.code === '1002')).toEqual({
      code: '1002',
      name: '银行存款',
      openingFen: 1_000_000,
      debitFen: 0,
      creditFen: 300_050,
      closingFen: 699_950,
      openingDebitFen: 1_000_000,
      openingCreditFen: 0,
      ytdDebitFen: 1_000_000,
      ytdCreditFen: 300_050,
      closingDebitFen: 699_950,
      closingCreditFen: 0,
    });
    expect(doc.totals).toMatchObject({ debitFen: 300_050, creditFen: 300_050 });

    const journal = join(dir, 'out.journal');
    expect(cli(dir, 'export', 'hledger', path, '--out', journal).json).toEqual({ path: journal, transactions: 2 });
    const stdout = spawnSync(TSX, [CLI, 'export', 'hledger', path], { encoding: 'utf8', env: { ...process.env, CLIENT_LEDGER_HOME: dir } }).stdout;
    expect(stdout.replace(/^; .*$/m, '')).toBe(readFileSync(journal, 'utf8').replace(/^; .*$/m, '').replace(/\n$/, '') + '\n');
    if (existsSync('/usr/bin/hledger')) {
      expect(execFileSync('/usr/bin/hledger', ['-f', journal, 'bal', '-N', '--flat', '1002'], { encoding: 'utf8' })).toContain('CNY 6999.50');
    }

    expect(cli(dir, 'period', 'close', path, '2026-01').json).toMatchObject({ period: '2026-01', status: 'closed' });
    expect(cli(dir, 'period', 'close', path, '2026-01')).toMatchObject({ code: 2, json: { error: { code: 'ledger.periodClosed' } } });
    expect(cli(dir, 'period', 'reopen', path, '2026-01').code).toBe(2); // no --reason
    expect(cli(dir, 'period', 'reopen', path, '2026-01', '--reason', '补录').json).toMatchObject({ period: '2026-01', status: 'open' });
    expect(cli(dir, 'book', 'check', path).code).toBe(0);
  }, 240_000); // ten CLI processes, each compiling TypeScript on start
});
