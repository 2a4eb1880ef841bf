/**
 * Cross-check with Debian's hledger: export a generated book (every account type, sub-
 * accounts with awkward names, reversals, several periods), let hledger balance the
 * journal and compare every account with our trial balance, to the fen.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseAmount } from '../../../shared/money';
import { addCustomer, addEmployee, testBook } from '../../../test/support/book';
import { tempDir } from '../../../test/support/temp';
import { addSubAccount } from '../accounts/edit';
import { exportHledger } from './hledger';
import { trialBalance } from './trial-balance';
import { accountFacts } from './voucher-rules';
import { bookVoucher, createDraft, reverseVoucher } from './vouchers';

const HLEDGER = '/usr/bin/hledger';

/** Deterministic pseudo-random numbers (mulberry32), so a failure can be replayed. */
function rng(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function hledgerBalances(file: string, extra: string[]): Map<string, number> {
  const csv = execFileSync(HLEDGER, ['-f', file, 'bal', '-E', '-N', '-O', 'csv', ...extra], { encoding: 'utf8' });
  const out = new Map<string, number>();
  for (const line of csv.trim().split('\n').slice(1)) {
    const m = /^"(.*)","(.*)"$/.exec(line);
    if (!m) throw new Error(`unexpected hledger line: ${line}`);
    const amount = m[2]!.replace('CNY', '').trim();
    const parsed = parseAmount(amount === '0' ? '0' : amount);
    if (!parsed.ok) throw new Error(`unparseable amount ${m[2]}`);
    const codes = m[1]!.split(':').map((part) => part.split(' ')[0]!);
    out.set(codes.at(-1)!, parsed.fen);
    // --tree folds a parent with one child into the child's row ("3104 利润分配:310415 未分配利润"): the parent has the same balance.
    if (extra.includes('--tree')) for (const c of codes.slice(0, -1)) if (!out.has(c)) out.set(c, parsed.fen);
  }
  return out;
}

describe.skipIf(!existsSync(HLEDGER))('hledger export', () => {
  it('balances to exactly our trial balance, account by account', () => {
    const book = testBook();
    const emps = [addEmployee(book, 'E01', '张三'), addEmployee(book, 'E02', '李四')];
    const custs = [addCustomer(book, 'C01', '蓝海贸易（上海）'), addCustomer(book, 'C02', '青山; 科技'), addCustomer(book, 'C03', 'Acme')];
    book.tx(() => {
      addSubAccount(book, { parent: '1002', name: '工商银行: 基本户' });
      addSubAccount(book, { parent: '1002', name: '招商银行  一般户' });
    });
    const facts = accountFacts(book);
    const leaves = [...facts].filter(([, f]) => f.leaf && f.active).map(([code, f]) => ({ code, dims: f.dims }));
    const rand = rng(20261125);
    const pick = <T>(xs: T[]): T => xs[Math.floor(rand() * xs.length)]!;
    const line = (side: 'debitFen' | 'creditFen', fen: number) => {
      const a = pick(leaves);
      return { account: a.code, [side]: fen, memo: pick(['拜访', '付款; 备注', '']), customerId: pick(custs), employeeId: pick(emps) };
    };
    const posted: number[] = [];
    for (let i = 0; i < 240; i++) {
      const date = `2026-0${1 + (i % 6)}-${String(1 + (i % 28)).padStart(2, '0')}`;
      const a = 1 + Math.floor(rand() * 5_000_000);
      const b = 1 + Math.floor(rand() * 300_000);
      const lines = i % 3 === 0 ? [line('debitFen', a), line('debitFen', b), line('creditFen', a + b)] : [line('debitFen', a), line('creditFen', a)];
      posted.push(book.tx(() => bookVoucher(book, { date, memo: `凭证 ${i}: 测试`, lines }, facts)).id);
    }
    for (const id of posted.filter((_, i) => i % 17 === 0)) book.tx(() => reverseVoucher(book, id));
    // A draft is not part of the books.
    book.tx(() => createDraft(book, { date: '2026-06-30', lines: [{ account: '1001', debitFen: 99 }, { account: '3001', creditFen: 99 }] }));
    const dir = tempDir();
    const file = join(dir, 'book.journal');
    const r = exportHledger(book, file);
    if (process.env.KEEP_JOURNAL) console.log(file);
    expect(r.transactions).toBe(240 + Math.ceil(240 / 17));

    const ours = trialBalance(book, '2026-01', '2026-06');
    const types = new Set(ours.rows.map((row) => book.sqlite.prepare('SELECT type FROM account WHERE code = ?').pluck().get(row.code)));
    // Every account type of the chart is reached (the statutory chart has 成本类 too).
    expect([...types].sort()).toEqual(['asset', 'cost', 'equity', 'expense', 'liability', 'revenue']);
    const flat = hledgerBalances(file, ['--flat']);
    const tree = hledgerBalances(file, ['--tree']);
    let compared = 0;
    for (const row of ours.rows) {
      expect([row.code, tree.get(row.code)]).toEqual([row.code, row.closingFen]);
      compared++;
    }
    // And hledger knows no account we do not.
    for (const [code, fen] of flat) expect([code, fen]).toEqual([code, ours.rows.find((x) => x.code === code)?.closingFen]);
    expect(compared).toBeGreaterThan(30);
    expect(execFileSync(HLEDGER, ['-f', file, 'bal', '-N', '--depth', '1', '-O', 'csv'], { encoding: 'utf8' })).toContain('"3001 实收资本"');
    // Every account is declared (with its type): strict account checking passes, and fails without the directives.
    expect(() => execFileSync(HLEDGER, ['-f', file, 'check', 'accounts'], { encoding: 'utf8', stdio: 'pipe' })).not.toThrow();
    const undeclared = join(dir, 'undeclared.journal');
    writeFileSync(undeclared, readFileSync(file, 'utf8').replace(/^account .*\n/gm, ''));
    expect(() => execFileSync(HLEDGER, ['-f', undeclared, 'check', 'accounts'], { encoding: 'utf8', stdio: 'pipe' })).toThrow();
    const declared = execFileSync(HLEDGER, ['-f', file, 'accounts', '--types'], { encoding: 'utf8' });
    expect(declared).toMatch(/^5602 管理费用\s+; type: X$/m);
    expect(declared).toMatch(/^1002 银行存款\s+; type: A$/m);
  });
});
