/**
 * The allocation engine: rules + one period's inputs → pools split to customers (or, in
 * the step-down's first stage, to departments). Reads only; storing, comparing and posting
 * are the callers' business (runs.ts). Methods (docs/domain.md: Cost allocation):
 * - single / activity: each pool straight to its targets by its own driver (activity-based
 *   costing is one such pool per activity);
 * - stepdown: department pools; service departments (is_service = 1) go first, each
 *   allocated by headcount (or equally) to the departments after it in the sequence, then
 *   every other department's own amount plus what it received goes to customers by its driver.
 */
import { UserError } from '../../../shared/errors';
import type { AllocInputs } from './inputs';
import type { AllocationResult, PoolResult, ResultLine, Rule } from '../../../shared/contract/allocation';
import { largestRemainder } from './split';
import { sumFen } from '../reports/exact';

export type { AllocationResult, PoolResult, ResultLine };

/**
 * A customer split in columns: the targets (code order), their weights and amounts. A
 * thousand pools over ten thousand customers are ten million shares; building an object
 * per share is the slow part, so a pool's `lines` are built only when read, and storing
 * a run reads the columns.
 */
export interface CustomerSplit {
  targets: { id: number; code: string; name: string }[];
  weights: number[];
  total: number;
  amounts: number[];
}

const SPLIT = Symbol('split');
/** The columns behind a pool's lines, when it went to customers (not on the wire). */
export const splitOf = (p: PoolResult): CustomerSplit | undefined => (p as PoolResult & { [SPLIT]?: CustomerSplit })[SPLIT];

function splitLines(c: CustomerSplit): ResultLine[] {
  const lines: ResultLine[] = [];
  for (let i = 0; i < c.targets.length; i++) {
    const w = c.weights[i]!;
    if (w === 0 && c.amounts[i] === 0) continue;
    const t = c.targets[i]!;
    lines.push({ customerId: t.id, departmentId: null, code: t.code, name: t.name, driverValue: w, shareNumerator: w, shareDenominator: c.total, amountFen: c.amounts[i]! });
  }
  return lines;
}

function toCustomers(inputs: AllocInputs, r: Rule, amountFen: number): CustomerSplit | null {
  if (amountFen === 0) return null;
  const { targets, weights, total, max } = inputs.weights(r.name, r.driver, r.target);
  if (total === 0) throw new UserError('allocation.zeroDriver', { pool: r.name, driver: r.driver });
  const known = Number.isSafeInteger(total) ? { total, max } : undefined;
  return { targets, weights, total, amounts: largestRemainder(amountFen, weights, known).amounts };
}

// Pool totals are exact or refused, typed (a sum past 2^53 can lose a fen): reports/exact.ts.
const sum = (xs: number[]) => sumFen(xs, 'pool');

export function allocate(inputs: AllocInputs, allRules: Rule[]): AllocationResult {
  const rules = allRules.filter((r) => r.active).sort((a, b) => a.seq - b.seq || a.name.localeCompare(b.name));
  const pools: PoolResult[] = [];
  const pool = (r: Rule, ownFen: number, receivedFen: number, lines: ResultLine[] | CustomerSplit | null, driver = r.driver): PoolResult => {
    const base = { pool: r.name, method: r.method, driver, accounts: r.accounts, departmentId: r.departmentId, ownFen, receivedFen, amountFen: sum([ownFen, receivedFen]) };
    if (lines === null || Array.isArray(lines)) {
      const list = lines ?? [];
      return { ...base, allocatedFen: sum(list.map((l) => l.amountFen)), lines: list };
    }
    const split = lines;
    let built: ResultLine[] | null = null;
    const p = { ...base, allocatedFen: sum(split.amounts) } as PoolResult;
    Object.defineProperty(p, 'lines', { enumerable: true, get: () => (built ??= splitLines(split)) });
    Object.defineProperty(p, SPLIT, { enumerable: false, value: split });
    return p;
  };

  for (const r of rules.filter((x) => x.method !== 'stepdown')) {
    const own = inputs.poolAmount(r.accounts, r.departmentId);
    pools.push(pool(r, own, 0, toCustomers(inputs, r, own)));
  }

  const depts = inputs.departmentsById();
  const isService = (r: Rule) => depts.get(r.departmentId!)?.isService ?? false;
  // Service departments first, each group in sequence order (the sort above is stable).
  const steps = rules.filter((x) => x.method === 'stepdown');
  const order = [...steps.filter(isService), ...steps.filter((r) => !isService(r))];
  const received = new Map<Rule, number>();
  order.forEach((r, i) => {
    const own = inputs.poolAmount(r.accounts, r.departmentId);
    const inbound = received.get(r) ?? 0;
    const amount = sum([own, inbound]);
    if (!isService(r)) {
      pools.push(pool(r, own, inbound, toCustomers(inputs, r, amount)));
      return;
    }
    const later = order.slice(i + 1);
    if (amount === 0) {
      pools.push(pool(r, own, inbound, []));
      return;
    }
    if (later.length === 0) throw new UserError('allocation.stepdownNoReceiver', { pool: r.name });
    const driver = r.driver === 'equal' ? 'equal' : 'headcount';
    const weights = later.map((x) => (driver === 'equal' ? 1 : inputs.headcount(x.departmentId!)));
    const total = weights.reduce((s, w) => s + w, 0);
    if (total === 0) throw new UserError('allocation.zeroDriver', { pool: r.name, driver });
    const { amounts } = largestRemainder(amount, weights);
    const lines = later.map((x, k): ResultLine => {
      received.set(x, sum([received.get(x) ?? 0, amounts[k]!]));
      const d = depts.get(x.departmentId!)!;
      return { customerId: null, departmentId: d.id, code: d.code, name: d.name, driverValue: weights[k]!, shareNumerator: weights[k]!, shareDenominator: total, amountFen: amounts[k]! };
    });
    pools.push(pool(r, own, inbound, lines, driver));
  });

  // Money leaves the engine only toward customers: the sum of customer lines is the total.
  const customerFen: number[] = [];
  for (const p of pools) {
    const split = splitOf(p);
    if (split) customerFen.push(p.allocatedFen);
    else for (const l of p.lines) if (l.customerId !== null) customerFen.push(l.amountFen);
  }
  const totalFen = sum(customerFen);
  return { period: inputs.period, rules, pools, totalFen };
}
