/**
 * Allocation and profitability at size:
 * - 1,000 pools (one per department, on 560203 租赁费) over 10,000 customers with a mix of
 *   drivers (revenue, equal, two imported tables), exact largest remainder, against a bare
 *   loop computing the same shares in fen (BigInt floor + largest remainder by sort);
 * - customer profitability over 12 periods for 10,000 customers on a 1,000,000-line book
 *   with a stored run per period, against a bare GROUP BY of the same lines.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Book } from '../../electron/core/book/book';
import { profitability } from '../../electron/core/allocation/profitability';
import type { Rule } from '../../electron/core/allocation/rules';
import { compute, runAllocation } from '../../electron/core/allocation/runs';
import { bigBook } from './gen-book';
import { rng, timeIt, type BenchCase, type BenchSize } from './types';

const DRIVERS = ['revenue', 'equal', 'table:订单数', 'table:拜访次数'];

/** Adds departments with one posted rent line each in June, and two driver tables. */
export function addPools(book: Book, pools: number): Rule[] {
  const s = book.sqlite;
  const r = rng(7);
  const customers = (s.prepare('SELECT id FROM customer ORDER BY code').all() as { id: number }[]).map((c) => c.id);
  s.transaction(() => {
    const dept = s.prepare('INSERT INTO department (code, name, name_key) VALUES (?, ?, ?)');
    const v = s.prepare(`INSERT INTO voucher (period, number, date, status, memo, created_at, created_by) VALUES ('2026-06', ?, '2026-06-30', 'posted', '部门费用', 'x', 'bench')`);
    const l = s.prepare(`INSERT INTO voucher_line (voucher_id, line_no, period, posted, account_code, debit_fen, credit_fen, department_id) VALUES (?, ?, '2026-06', 1, ?, ?, ?, ?)`);
    for (let i = 1; i <= pools; i++) {
      const id = Number(dept.run(`B${String(i).padStart(4, '0')}`, `部门${i}`, `部门${i}`).lastInsertRowid);
      const vid = Number(v.run(100_000 + i).lastInsertRowid);
      const fen = 1 + Math.floor(r() * 100_000_000);
      l.run(vid, 1, '560203', fen, 0, id);
      l.run(vid, 2, '1002', 0, fen, id);
    }
    const dv = s.prepare(`INSERT INTO driver_value (period, driver, customer_id, value_milli) VALUES ('2026-06', ?, ?, ?)`);
    for (const c of customers) {
      dv.run('订单数', c, Math.floor(r() * 50) * 1000);
      dv.run('拜访次数', c, 1000 + Math.floor(r() * 20) * 1000);
    }
  })();
  const depts = s.prepare('SELECT id FROM department ORDER BY code').all() as { id: number }[];
  return depts.map((d, i): Rule => ({ seq: i, name: `池${i + 1}`, method: 'single', accounts: ['560203'], departmentId: d.id, driver: DRIVERS[i % DRIVERS.length]!, target: { kind: 'all' }, active: true }));
}

/**
 * The plainest loop to the same kind of numbers: per pool, Number floors and remainders
 * (exact only while products stay below 2^53, which the revenue pools pass) and the
 * leftover fen to the remainders at or above the threshold a native typed-array sort finds.
 */
function bareLoop(pools: { amount: number; weights: number[] }[]): number {
  let check = 0;
  for (const p of pools) {
    const n = p.weights.length;
    let t = 0;
    for (const w of p.weights) t += w;
    const floors = new Float64Array(n);
    const rems = new Float64Array(n);
    let given = 0;
    for (let i = 0; i < n; i++) {
      const x = p.amount * p.weights[i]!;
      const r = x % t;
      floors[i] = (x - r) / t;
      rems[i] = r;
      given += floors[i]!;
    }
    let left = p.amount - given;
    if (left > 0) {
      const threshold = Float64Array.from(rems).sort()[n - left]!;
      for (let i = 0; i < n && left > 0; i++) {
        if (rems[i]! < threshold) continue;
        floors[i]! += 1;
        left--;
      }
    }
    check += floors[0]!;
  }
  return check;
}

/** The BigInt loop the case compared with before (kept in the note for continuity). */
function bigIntLoop(pools: { amount: number; weights: number[] }[]): number {
  let check = 0;
  for (const p of pools) {
    const a = BigInt(p.amount);
    const w = p.weights.map(BigInt);
    const t = w.reduce((x, y) => x + y, 0n);
    const floors = w.map((x) => (a * x) / t);
    const rems = w.map((x) => (a * x) % t);
    let left = Number(a - floors.reduce((x, y) => x + y, 0n));
    const order = rems.map((_, i) => i).sort((i, j) => (rems[j]! > rems[i]! ? 1 : rems[j]! < rems[i]! ? -1 : i - j));
    for (const i of order) if (left-- > 0) floors[i]! += 1n;
    check += Number(floors[0]!);
  }
  return check;
}

/** Runs fn inside a transaction that is rolled back: every repetition starts from the same book. */
function rolledBack(book: Book, fn: () => void): () => void {
  return () => {
    book.sqlite.exec('BEGIN IMMEDIATE');
    try {
      fn();
    } finally {
      book.sqlite.exec('ROLLBACK');
    }
  };
}

function withBook<T>(lines: number, customers: number, fn: (book: Book) => Promise<T>): Promise<T> {
  const dir = mkdtempSync(join(tmpdir(), 'cl-bench-alloc-'));
  const book = bigBook({ dir, lines, customers });
  return fn(book).finally(() => {
    book.close();
    rmSync(dir, { recursive: true, force: true });
  });
}

export const cases: BenchCase[] = [
  {
    name: 'allocation compute, 1,000 pools × 10,000 customers',
    target: '≤ 0.5 s, ≤ 2× the bare largest-remainder loop',
    maxMs: 500,
    maxRatio: 2,
    run: (size: BenchSize) => {
      const [pools, customers, lines] = size === 'smoke' ? [20, 200, 4_000] : [1_000, 10_000, 40_000];
      return withBook(lines, customers, async (book) => {
        const rules = addPools(book, pools);
        let result = compute(book, '2026-06', rules);
        const ms = await timeIt(() => (result = compute(book, '2026-06', rules)), 5);
        for (const p of result.pools) if (p.allocatedFen !== p.amountFen) throw new Error(`pool ${p.pool} not exact`);
        // The baseline gets the same pools and weights, already read.
        const custIds = (book.sqlite.prepare('SELECT id FROM customer ORDER BY code').all() as { id: number }[]).map((c) => c.id);
        const inputs = result.pools.map((p) => {
          const byId = new Map(p.lines.map((l) => [l.customerId!, l.driverValue]));
          return { amount: p.amountFen, weights: custIds.map((id) => byId.get(id) ?? 0) };
        });
        const baselineMs = await timeIt(() => bareLoop(inputs), 5);
        const bigMs = await timeIt(() => bigIntLoop(inputs), 3);
        const n = result.pools.reduce((s, p) => s + p.lines.length, 0);
        return { ms, baselineMs, note: `${pools} pools, ${customers} customers, ${n.toLocaleString('en-US')} shares; the BigInt loop ${Math.round(bigMs)} ms` };
      });
    },
  },
  {
    name: 'allocation store, a run of 100 pools × 10,000 customers',
    target: '≤ 1.5× bare inserts of its lines',
    maxRatio: 1.5,
    run: (size: BenchSize) => {
      const [pools, customers, lines] = size === 'smoke' ? [20, 200, 4_000] : [1_000, 10_000, 40_000];
      return withBook(lines, customers, async (book) => {
        // A tenth of the pools: a million lines a run.
        const stored = addPools(book, pools).slice(0, Math.max(1, Math.floor(pools / 10)));
        let count = 0;
        const ms = await timeIt(rolledBack(book, () => (count = runAllocation(book, '2026-06', { rules: stored }).result.pools.reduce((s, p) => s + p.lines.length, 0))), 5);
        // The same lines, computed beforehand, inserted bare into the same table under one run.
        const result = compute(book, '2026-06', stored);
        const rows: [number, number, number, number, number][] = [];
        result.pools.forEach((p, no) => {
          for (const l of p.lines) rows.push([no, l.customerId!, l.driverValue, l.shareDenominator, l.amountFen]);
        });
        const baselineMs = await timeIt(
          rolledBack(book, () => {
            const run = Number(book.sqlite.prepare(`INSERT INTO alloc_run (period, rule_set, rules_json, total_fen, created_at, created_by) VALUES ('2026-06', 'bare', '{}', 0, 'x', 'bench')`).run().lastInsertRowid);
            const ins = book.sqlite.prepare('INSERT INTO alloc_line (run_id, pool_no, customer_id, department_id, driver_value, driver_total, amount_fen) VALUES (?, ?, ?, NULL, ?, ?, ?)');
            for (const r of rows) ins.run(run, ...r);
          }),
          5,
        );
        return { ms, baselineMs, note: `${count.toLocaleString('en-US')} lines` };
      });
    },
  },
  {
    name: 'profitability, 10,000 customers × 12 periods, 1,000,000 lines',
    target: '< 1 s',
    maxMs: 1000,
    run: (size: BenchSize) => {
      const [lines, customers] = size === 'smoke' ? [4_000, 50] : [1_000_000, 10_000];
      return withBook(lines, customers, async (book) => {
        // A stored run per period, each allocating one period's uncarried overhead by revenue.
        const rule: Rule = { seq: 0, name: '间接费用', method: 'single', accounts: ['5602'], departmentId: null, driver: 'revenue', target: { kind: 'all' }, active: true };
        book.sqlite.transaction(() => {
          for (let m = 1; m <= 12; m++) runAllocation(book, `2026-${String(m).padStart(2, '0')}`, { rules: [rule] });
        })();
        let rows = 0;
        const ms = await timeIt(() => (rows = profitability(book, '2026-01', '2026-12').rows.length), 3);
        const bare = book.sqlite.prepare(
          `SELECT customer_id, account_code, SUM(debit_fen), SUM(credit_fen) FROM voucher_line WHERE posted = 1 AND customer_id IS NOT NULL AND period BETWEEN ? AND ? GROUP BY customer_id, account_code`,
        );
        const baselineMs = await timeIt(() => bare.all('2026-01', '2026-12'), 3);
        return { ms, baselineMs, note: `${rows} customers, ${lines.toLocaleString('en-US')} lines, 12 stored runs` };
      });
    },
  },
];
