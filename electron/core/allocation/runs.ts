/**
 * Allocation runs: compute with the engine, store per period with a snapshot of the rules
 * and the pools, compare two rule sets without writing (what-if), explain any customer's
 * amounts, and optionally post a run as one reclass voucher. Functions that write run
 * inside the caller's book.tx; whatIf and explain only read.
 */
import { UserError } from '../../../shared/errors';
import { lastDay, period as toPeriod } from '../../../shared/period';
import type { Book } from '../book/book';
import { bookVoucher, voucherRef } from '../ledger/vouchers';
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
  return book.db.first(book.q.selectFrom('alloc_run').select((eb) => eb.fn.max<number | null>('id').as('id')).where('period', '=', period))!.id;
}

export function runAllocation(book: Book, period: string, opts: { ruleSet?: string; rules?: Rule[] } = {}): { runId: number; result: AllocationResult } {
  const p = toPeriod(period);
  // A closed month's allocation can be viewed, not re-run: a new run would change its customer profit (the database refuses too, 0810).
  if (book.db.first(book.q.selectFrom('period').select('period').where('period', '=', p).where('status', '=', 'closed'))) throw new UserError('closing.allocationClosed', { period: p });
  const posted = book.db.first(book.q.selectFrom('alloc_run').select('id').where('period', '=', p).where('voucher_id', 'is not', null));
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
  const runId = book.db.run(
    book.q.insertInto('alloc_run').values({
      period: p,
      rule_set: opts.rules ? 'adhoc' : ruleSet,
      rules_json: JSON.stringify(snapshot),
      total_fen: result.totalFen,
      created_at: new Date().toISOString(),
      created_by: book.user,
    }),
  ).lastInsertRowid;
  // Raw SQL on purpose: the bulk insert of a run's lines (millions at benchmark size) runs one prepared statement;
  // building and compiling the insert through Kysely costs 27 µs a line (measured), ~27 s per million lines.
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
  const run = book.db.first(book.q.selectFrom('alloc_run').selectAll().where('id', '=', runId));
  if (!run) throw new UserError('allocation.runNotFound', { id: runId });
  const snapshot = JSON.parse(run.rules_json) as StoredRun['snapshot'];
  const lines: (PoolResult['lines'][number] & { poolNo: number })[] = book.db.all(
    book.q
      .selectFrom('alloc_line as l')
      .leftJoin('customer as c', 'c.id', 'l.customer_id')
      .leftJoin('department as d', 'd.id', 'l.department_id')
      .select((eb) => [
        'l.pool_no as poolNo',
        'l.customer_id as customerId',
        'l.department_id as departmentId',
        // Every line has a customer or a department (the engine writes one of them).
        eb.fn.coalesce('c.code', 'd.code').$castTo<string>().as('code'),
        eb.fn.coalesce('c.name', 'd.name').$castTo<string>().as('name'),
        'l.driver_value as driverValue',
        'l.driver_value as shareNumerator',
        'l.driver_total as shareDenominator',
        'l.amount_fen as amountFen',
      ])
      .where('l.run_id', '=', runId)
      .orderBy('l.pool_no')
      .orderBy((eb) => eb.fn.coalesce('c.code', 'd.code')),
  );
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
    voucherNo: voucherRef(book, run.voucher_id),
    snapshot,
    pools: snapshot.pools.map((p, no) => ({ ...p, lines: byPool.get(no) ?? [] })),
  };
}

export function listRuns(book: Book): RunSummary[] {
  return book.db
    .all(book.q.selectFrom('alloc_run').select(['id', 'period', 'rule_set', 'created_at', 'total_fen', 'voucher_id']).orderBy('period', 'desc').orderBy('id', 'desc'))
    .map((r) => ({ runId: r.id, period: r.period, ruleSet: r.rule_set, createdAt: r.created_at, totalFen: r.total_fen, voucherId: r.voucher_id, voucherNo: voucherRef(book, r.voucher_id) }));
}

/** Every allocated amount of one customer over a range, from each period's current run. */
export function explain(book: Book, customerId: number, from: string, to: string): ExplainLine[] {
  const runs = book.db.all(
    book.q
      .selectFrom('alloc_run')
      .select((eb) => [eb.fn.max<number>('id').as('id'), 'period'])
      .where((eb) => eb.between('period', toPeriod(from), toPeriod(to)))
      .groupBy('period')
      .orderBy('period'),
  );
  const snap = (id: number) => book.db.first(book.q.selectFrom('alloc_run').select('rules_json').where('id', '=', id))!;
  const linesOf = (runId: number) =>
    book.db.all(
      book.q
        .selectFrom('alloc_line')
        .select(['pool_no as poolNo', 'driver_value as driverValue', 'driver_total as shareDenominator', 'amount_fen as amountFen'])
        .where('run_id', '=', runId)
        .where('customer_id', '=', customerId)
        .orderBy('pool_no'),
    );
  const out: ExplainLine[] = [];
  for (const run of runs) {
    const found = linesOf(run.id);
    if (found.length === 0) continue;
    const pools = (JSON.parse(snap(run.id).rules_json) as StoredRun['snapshot']).pools;
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
  book.db.run(book.q.updateTable('alloc_run').set({ voucher_id: v.id }).where('id', '=', runId));
  book.audit({ action: 'allocation.post', entity: 'alloc_run', entityId: runId, after: { voucherId: v.id, lines: lines.length } });
  return { voucherId: v.id, voucherNo: v.cited, lines: lines.length };
}
