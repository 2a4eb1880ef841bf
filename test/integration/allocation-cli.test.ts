/**
 * The allocation command line as scripts use it: `allocation rule-add`, `allocate --json`
 * in the shape the issue fixes (pools that sum to the fen), `--post`, the refusal to
 * allocate a posted period again, a zero driver as exit 2 naming pool and driver, and
 * `schedule add | run` (a second run posts nothing). Real CLI, child process, real book.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openBook } from '../../electron/core/book/open';
import { postExpense, postRevenue } from '../../electron/core/allocation/fixture.test-support';
import { addCustomer } from '../support/book';
import { tempDir } from '../support/temp';

const TSX = join(process.cwd(), 'node_modules/.bin/tsx');
const CLI = join(process.cwd(), 'electron/cli/index.ts');

function cli(dir: string, ...args: string[]): { code: number; json: unknown } {
  const r = spawnSync(TSX, [CLI, ...args, '--json'], { encoding: 'utf8', env: { ...process.env, CLIENT_LEDGER_HOME: dir } });
  return { code: r.status ?? -1, json: r.stdout.trim() ? JSON.parse(r.stdout) : null };
}

interface AllocateJson {
  runId: number;
  voucherId?: number;
  pools: { pool: string; amountFen: number; allocatedFen: number; lines: { customer: string; driverValue: number; shareNumerator: number; shareDenominator: number; amountFen: number }[] }[];
}

describe('allocation CLI', () => {
  it('allocates with the saved rules, posts, and refuses a posted period', { timeout: 60_000 }, () => {
    const dir = tempDir();
    const path = join(dir, 'cli.book');
    expect(cli(dir, 'book', 'create', path, '--first-period', '2026-01').code).toBe(0);
    const book = openBook(path);
    const [b, a, c] = [addCustomer(book, 'K2', '乙'), addCustomer(book, 'K1', '甲'), addCustomer(book, 'K3', '丙')];
    postRevenue(book, '2026-02-03', a, 1_00);
    postRevenue(book, '2026-02-03', b, 1_00);
    postRevenue(book, '2026-02-03', c, 1_00);
    postExpense(book, '2026-02-04', '560203', 100_00);
    book.close();

    expect(cli(dir, 'allocation', 'rule-add', path, JSON.stringify({ name: '房租', accounts: ['560203'], driver: 'revenue' })).code).toBe(0);
    expect(cli(dir, 'allocation', 'rule-add', path, JSON.stringify({ name: '订单', accounts: ['560202'], driver: 'table:订单数' })).code).toBe(0);
    const r = cli(dir, 'allocate', path, '--period', '2026-02');
    expect(r.code).toBe(0);
    const doc = r.json as AllocateJson;
    expect(doc.runId).toBeGreaterThan(0);
    // The empty 560202 pool needs no driver: nothing to split.
    expect(doc.pools.map((p) => [p.pool, p.amountFen, p.allocatedFen])).toEqual([
      ['房租', 100_00, 100_00],
      ['订单', 0, 0],
    ]);
    expect(doc.pools[0]!.lines).toEqual([
      { customer: 'K1', driverValue: 100, shareNumerator: 100, shareDenominator: 300, amountFen: 33_34 },
      { customer: 'K2', driverValue: 100, shareNumerator: 100, shareDenominator: 300, amountFen: 33_33 },
      { customer: 'K3', driverValue: 100, shareNumerator: 100, shareDenominator: 300, amountFen: 33_33 },
    ]);

    // Re-running before posting is allowed (the newer run counts); --post books the reclass.
    const posted = cli(dir, 'allocate', path, '--period', '2026-02', '--post');
    expect(posted.code).toBe(0);
    const voucherId = (posted.json as AllocateJson).voucherId!;
    const check = openBook(path);
    const lines = check.sqlite.prepare('SELECT c.code, l.debit_fen AS d, l.credit_fen AS c FROM voucher_line l LEFT JOIN customer c ON c.id = l.customer_id WHERE voucher_id = ? ORDER BY line_no').all(voucherId);
    check.close();
    expect(lines).toEqual([
      { code: null, d: 0, c: 100_00 },
      { code: 'K1', d: 33_34, c: 0 },
      { code: 'K2', d: 33_33, c: 0 },
      { code: 'K3', d: 33_33, c: 0 },
    ]);
    const again = cli(dir, 'allocate', path, '--period', '2026-02');
    expect(again.code).toBe(2);
    expect((again.json as { error: { code: string } }).error.code).toBe('allocation.periodPosted');
  });

  it('a zero driver total exits 2 naming the pool and the driver; schedules run once', { timeout: 60_000 }, () => {
    const dir = tempDir();
    const path = join(dir, 'z.book');
    expect(cli(dir, 'book', 'create', path, '--first-period', '2026-01').code).toBe(0);
    const book = openBook(path);
    addCustomer(book, 'K1', '甲');
    postExpense(book, '2026-03-04', '560202', 50_00);
    book.close();
    expect(cli(dir, 'allocation', 'rule-add', path, JSON.stringify({ name: '办公费池', accounts: ['560202'], driver: 'hours' })).code).toBe(0);
    const z = cli(dir, 'allocate', path, '--period', '2026-03');
    expect(z.code).toBe(2);
    const err = (z.json as { error: { code: string; message: string } }).error;
    expect(err.code).toBe('allocation.zeroDriver');
    expect(err.message).toContain('办公费池');
    expect(err.message).toContain('hours');

    const spec = { preset: 'deferral', name: '管理费', totalFen: 100_00, firstPeriod: '2026-03', periods: 3 };
    expect(cli(dir, 'schedule', 'add', path, JSON.stringify(spec)).code).toBe(0);
    const first = cli(dir, 'schedule', 'run', path, '--period', '2026-05').json as { posted: { amountFen: number }[]; alreadyPosted: number };
    expect(first.posted.map((p) => p.amountFen)).toEqual([33_34]);
    const again = cli(dir, 'schedule', 'run', path, '--period', '2026-05').json as { posted: unknown[]; alreadyPosted: number };
    expect(again).toMatchObject({ posted: [], alreadyPosted: 1 });
  });
});
