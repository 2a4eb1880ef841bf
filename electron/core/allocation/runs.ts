/**
 * Allocation runs: compute with the engine, store per period with a snapshot of the rules
 * and the pools, compare two rule sets without writing (what-if), explain any customer's
 * amounts, and optionally post a run as one reclass voucher. Functions that write run
 * inside the caller's book.tx; whatIf and explain only read.
 */
import { UserError } from '../../../shared/errors';
import { lastDay, period as toPeriod } from '../../../shared/period';
import type { Book } from '../book/book';
import { bookVoucher, voucherNo } from '../ledger/vouchers';
import type { LineInput } from '../ledger/voucher-rules';
import type { AllocationResult, ExplainLine, PoolResult, RunSummary, StoredRun } from '../../../shared/contract/allocation';
import { allocate, splitOf, type CustomerSplit } from './engine';
import { AllocInputs } from './inputs';
import { listRules, type Rule } from './rules';
import { childHasher } from '../book/child-hash';
import { sumFen } from '../reports/exact';

export function compute(book: Book, period: string, rules: Rule[]): AllocationResult {
  return allocate(new AllocInputs(book, toPeriod(period)), rules);
}

/** The run that counts for a period: the latest stored one. */
export function currentRunId(book: Book, period: string): number | null {
  return (book.sqlite.prepare('SELECT MAX(id) AS id FROM alloc_run WHERE period = ?').get(period) as { id: number | null }).id;
}

export function runAllocation(book: Book, period: string, opts: { ruleSet?: string; rules?: Rule[] } = {}): { runId: number; result: AllocationResult } {
  const p = toPeriod(period);
  // A closed month's allocation can be viewed, not re-run: a new run would change its customer profit (the database refuses too, 0810).
  if (book.sqlite.prepare(`SELECT 1 FROM period WHERE period = ? AND status = 'closed'`).get(p)) throw new UserError('closing.allocationClosed', { period: p });
  const posted = book.sqlite.prepare('SELECT id FROM alloc_run WHERE period = ? AND voucher_id IS NOT NULL').get(p) as { id: number } | undefined;
  if (posted) throw new UserError('allocation.periodPosted', { period: p, run: posted.id });
  const ruleSet = opts.ruleSet ?? 'default';
  const rules = opts.rules ?? listRules(book, ruleSet);
  if (!rules.some((r) => r.active)) throw new UserError('allocation.noRules');
  const result = compute(book, p, rules);
  // Field by field: reading `lines` would build every line object of a big run.
  const snapshot: StoredRun['snapshot'] = {
    rules: result.rules,
    pools: result.pools.map((p) => ({ pool: p.pool, method: p.method, driver: p.driver, accounts: p.accounts, departmentId: p.departmentId, ownFen: p.ownFen, receivedFen: p.receivedFen, amountFen: p.amountFen, allocatedFen: p.allocatedFen })),
  };
  const runId = Number(
    book.sqlite
      .prepare('INSERT INTO alloc_run (period, rule_set, rules_json, total_fen, created_at, created_by) VALUES (?, ?, ?, ?, ?, ?)')
      .run(p, opts.rules ? 'adhoc' : ruleSet, JSON.stringify(snapshot), result.totalFen, new Date().toISOString(), book.user).lastInsertRowid,
  );
  const insert = book.sqlite.prepare(
    `INSERT INTO alloc_line (run_id, pool_no, customer_id, department_id, driver_value, driver_total, amount_fen) VALUES (?, ?, ?, ?, ?, ?, ?)`,
  );
  // The lines hash for the audit record, fed as the lines are written (in id order, as book check reads them).
  const hasher = childHasher();
  const ins = { run: (run: number, ...line: [number, number | null, number | null, number, number, number]) => (hasher.add(line), insert.run(run, ...line)) };
  // Lines are written customer by customer (each customer's pools together), in customer id
  // order: the (run, customer) index then grows at its end instead of being revisited once per
  // pool, which keeps a run of millions of lines from thrashing the page cache.
  const byTargets = new Map<CustomerSplit['targets'], { no: number; split: CustomerSplit }[]>();
  result.pools.forEach((pool, no) => {
    const split = splitOf(pool);
    if (!split) {
      for (const l of pool.lines) ins.run(runId, no, l.customerId, l.departmentId, l.driverValue, l.shareDenominator, l.amountFen);
      return;
    }
    let group = byTargets.get(split.targets);
    if (!group) byTargets.set(split.targets, (group = []));
    group.push({ no, split });
  });
  for (const [targets, group] of byTargets) {
    const order = targets.map((_, i) => i).sort((a, b) => targets[a]!.id - targets[b]!.id);
    for (const i of order) {
      const id = targets[i]!.id;
      for (const { no, split } of group) {
        const w = split.weights[i]!;
        const a = split.amounts[i]!;
        if (w !== 0 || a !== 0) ins.run(runId, no, id, null, w, split.total, a);
      }
    }
  }
  book.audit({ action: 'allocation.run', entity: 'alloc_run', entityId: runId, after: { period: p, ruleSet, pools: result.pools.length, totalFen: result.totalFen, linesHash: hasher.digest() } });
  return { runId, result };
}

export function getRun(book: Book, runId: number): StoredRun {
  const run = book.sqlite.prepare('SELECT * FROM alloc_run WHERE id = ?').get(runId) as
    | { id: number; period: string; rule_set: string; rules_json: string; total_fen: number; voucher_id: number | null; created_at: string }
    | undefined;
  if (!run) throw new UserError('allocation.runNotFound', { id: runId });
  const snapshot = JSON.parse(run.rules_json) as StoredRun['snapshot'];
  const lines = book.sqlite
    .prepare(
      `SELECT l.pool_no AS poolNo, l.customer_id AS customerId, l.department_id AS departmentId, COALESCE(c.code, d.code) AS code, COALESCE(c.name, d.name) AS name,
              l.driver_value AS driverValue, l.driver_value AS shareNumerator, l.driver_total AS shareDenominator, l.amount_fen AS amountFen
         FROM alloc_line l LEFT JOIN customer c ON c.id = l.customer_id LEFT JOIN department d ON d.id = l.department_id
        WHERE l.run_id = ? ORDER BY l.pool_no, COALESCE(c.code, d.code)`,
    )
    .all(runId) as (PoolResult['lines'][number] & { poolNo: number })[];
  const byPool = new Map<number, PoolResult['lines']>();
  for (const { poolNo, ...l } of lines) {
    let list = byPool.get(poolNo);
    if (!list) byPool.set(poolNo, (list = []));
    list.push(l);
  }
  return {
    runId: run.id,
    period: run.period,
    ruleSet: run.rule_set,
    createdAt: run.created_at,
    totalFen: run.total_fen,
    voucherId: run.voucher_id,
    voucherNo: voucherLabel(book, run.voucher_id),
    snapshot,
    pools: snapshot.pools.map((p, no) => ({ ...p, lines: byPool.get(no) ?? [] })),
  };
}

function voucherLabel(book: Book, id: number | null): string | null {
  if (id === null) return null;
  const v = book.sqlite.prepare('SELECT period, number FROM voucher WHERE id = ?').get(id) as { period: string; number: number | null } | undefined;
  return v ? `${v.period} ${voucherNo(v.number)}` : null;
}

export function listRuns(book: Book): RunSummary[] {
  return (
    book.sqlite.prepare('SELECT id, period, rule_set, created_at, total_fen, voucher_id FROM alloc_run ORDER BY period DESC, id DESC').all() as {
      id: number;
      period: string;
      rule_set: string;
      created_at: string;
      total_fen: number;
      voucher_id: number | null;
    }[]
  ).map((r) => ({ runId: r.id, period: r.period, ruleSet: r.rule_set, createdAt: r.created_at, totalFen: r.total_fen, voucherId: r.voucher_id, voucherNo: voucherLabel(book, r.voucher_id) }));
}

/** Every allocated amount of one customer over a range, from each period's current run. */
export function explain(book: Book, customerId: number, from: string, to: string): ExplainLine[] {
  const runs = book.sqlite
    .prepare(`SELECT MAX(id) AS id, period FROM alloc_run WHERE period BETWEEN ? AND ? GROUP BY period ORDER BY period`)
    .all(toPeriod(from), toPeriod(to)) as { id: number; period: string }[];
  const snap = book.sqlite.prepare('SELECT rules_json FROM alloc_run WHERE id = ?');
  const lines = book.sqlite.prepare(
    `SELECT pool_no AS poolNo, driver_value AS driverValue, driver_total AS shareDenominator, amount_fen AS amountFen
       FROM alloc_line WHERE run_id = ? AND customer_id = ? ORDER BY pool_no`,
  );
  const out: ExplainLine[] = [];
  for (const run of runs) {
    const found = lines.all(run.id, customerId) as { poolNo: number; driverValue: number; shareDenominator: number; amountFen: number }[];
    if (found.length === 0) continue;
    const pools = (JSON.parse((snap.get(run.id) as { rules_json: string }).rules_json) as StoredRun['snapshot']).pools;
    for (const l of found) {
      const p = pools[l.poolNo]!;
      out.push({ period: run.period, runId: run.id, pool: p.pool, driver: p.driver, poolFen: p.amountFen, receivedFen: p.receivedFen, driverValue: l.driverValue, shareNumerator: l.driverValue, shareDenominator: l.shareDenominator, amountFen: l.amountFen });
    }
  }
  return out;
}

/**
 * Posts a run as one reclass voucher: Dr each pool account with the customer / Cr it
 * without. A pool over several leaf accounts (or, for step-down, several departments) is
 * matched to its customers by filling the accounts in order (north-west corner), exact in
 * both directions when all amounts share a sign; otherwise all customer lines go to the
 * largest account.
 */
export function postRun(book: Book, runId: number): { voucherId: number; voucherNo: string; lines: number } {
  const run = getRun(book, runId);
  if (run.voucherId !== null) throw new UserError('allocation.runAlreadyPosted', { id: runId });
  if (currentRunId(book, run.period) !== runId) throw new UserError('allocation.runSuperseded', { id: runId });
  const inputs = new AllocInputs(book, run.period);
  const groups: PoolResult[][] = [];
  const steps = run.pools.filter((p) => p.method === 'stepdown');
  for (const p of run.pools) if (p.method !== 'stepdown') groups.push([p]);
  if (steps.length) groups.push(steps);
  const lines: LineInput[] = [];
  const memo = `成本分配 ${run.period} #${runId}`;
  const push = (account: string, signed: number, customerId: number | null, departmentId: number | null) => {
    if (signed === 0) return;
    lines.push({ account, ...(signed > 0 ? { debitFen: signed } : { creditFen: -signed }), customerId, departmentId, memo });
  };
  for (const group of groups) {
    const cols = group.flatMap((p) => inputs.poolParts(p.accounts, p.departmentId));
    const rows = group.flatMap((p) => p.lines.filter((l) => l.customerId !== null && l.amountFen !== 0));
    // Exact (reports/exact.ts): a float sum past 2^53 could call a current run stale, or a stale one current.
    const colSum = sumFen(cols.map((c) => c.amountFen), 'pool');
    const rowSum = sumFen(rows.map((r) => r.amountFen), 'pool');
    const ownSum = sumFen(group.map((p) => p.ownFen), 'pool');
    if (colSum !== ownSum || rowSum !== ownSum) throw new UserError('allocation.runStale', { pool: group.map((p) => p.pool).join(', ') });
    if (rowSum === 0) continue;
    for (const c of cols) push(c.account, -c.amountFen, null, c.departmentId);
    const sign = rowSum < 0 ? -1 : 1;
    if (cols.every((c) => c.amountFen * sign >= 0) && rows.every((r) => r.amountFen * sign >= 0)) {
      let j = 0;
      let colLeft = cols[0]!.amountFen * sign;
      for (const r of rows) {
        let rowLeft = r.amountFen * sign;
        while (rowLeft > 0) {
          while (colLeft === 0) colLeft = cols[++j]!.amountFen * sign;
          const x = Math.min(rowLeft, colLeft);
          push(cols[j]!.account, x * sign, r.customerId, cols[j]!.departmentId);
          rowLeft -= x;
          colLeft -= x;
        }
      }
    } else {
      const main = cols.reduce((a, b) => (Math.abs(b.amountFen) > Math.abs(a.amountFen) ? b : a));
      for (const r of rows) push(main.account, r.amountFen, r.customerId, main.departmentId);
    }
  }
  if (lines.length === 0) throw new UserError('allocation.nothingToPost', { period: run.period });
  const v = bookVoucher(book, { date: lastDay(toPeriod(run.period)), memo, lines, source: { type: 'allocation', id: runId } });
  book.sqlite.prepare('UPDATE alloc_run SET voucher_id = ? WHERE id = ?').run(v.id, runId);
  book.audit({ action: 'allocation.post', entity: 'alloc_run', entityId: runId, after: { voucherId: v.id, lines: lines.length } });
  return { voucherId: v.id, voucherNo: `${v.period} ${voucherNo(v.number)}`, lines: lines.length };
}
