/**
 * The allocation engine: rules + one period's inputs → pools split to customers (or, in
 * the step-down's first stage, to departments). Reads only; storing, comparing and posting
 * are the callers' business (runs.ts). Methods (DOMAIN.md: Cost allocation):
 * - single / activity: each pool straight to its targets by its own driver (activity-based
 *   costing is one such pool per activity);
 * - stepdown: department pools; service departments (is_service = 1) go first, each
 *   allocated by headcount (or equally) to the departments after it in the sequence, then
 *   every other department's own amount plus what it received goes to customers by its driver.
 */
import { UserError } from '../../../shared/errors';
import { AllocInputs, type Customer } from './inputs';
import type { AllocationResult, PoolResult, ResultLine, Rule } from '../../../shared/contract/allocation';
import { largestRemainder } from './split';

export type { AllocationResult, PoolResult, ResultLine };

function toCustomers(pool: string, driver: string, amountFen: number, targets: Customer[], values: Map<number, number>): ResultLine[] {
  if (amountFen === 0) return [];
  const weights = new Array<number>(targets.length);
  for (let i = 0; i < targets.length; i++) {
    const c = targets[i]!;
    const v = values.get(c.id) ?? 0;
    if (v < 0) throw new UserError('allocation.negativeDriver', { pool, driver, customer: `${c.code} ${c.name}` });
    weights[i] = v;
  }
  let total = 0;
  for (const w of weights) total += w;
  if (total === 0) throw new UserError('allocation.zeroDriver', { pool, driver });
  const { amounts } = largestRemainder(amountFen, weights);
  const lines: ResultLine[] = [];
  for (let i = 0; i < targets.length; i++) {
    if (weights[i] === 0 && amounts[i] === 0) continue;
    const c = targets[i]!;
    lines.push({ customerId: c.id, departmentId: null, code: c.code, name: c.name, driverValue: weights[i]!, shareNumerator: weights[i]!, shareDenominator: total, amountFen: amounts[i]! });
  }
  return lines;
}

const sumLines = (lines: ResultLine[]) => lines.reduce((s, l) => s + l.amountFen, 0);

export function allocate(inputs: AllocInputs, allRules: Rule[]): AllocationResult {
  const rules = allRules.filter((r) => r.active).sort((a, b) => a.seq - b.seq || a.name.localeCompare(b.name));
  const pools: PoolResult[] = [];
  const pool = (r: Rule, ownFen: number, receivedFen: number, lines: ResultLine[]): PoolResult => ({
    pool: r.name,
    method: r.method,
    driver: r.driver,
    accounts: r.accounts,
    departmentId: r.departmentId,
    ownFen,
    receivedFen,
    amountFen: ownFen + receivedFen,
    allocatedFen: sumLines(lines),
    lines,
  });

  for (const r of rules.filter((x) => x.method !== 'stepdown')) {
    const own = inputs.poolAmount(r.accounts, r.departmentId);
    pools.push(pool(r, own, 0, toCustomers(r.name, r.driver, own, inputs.customersFor(r.target), inputs.driver(r.driver))));
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
    const amount = own + inbound;
    if (!isService(r)) {
      pools.push(pool(r, own, inbound, toCustomers(r.name, r.driver, amount, inputs.customersFor(r.target), inputs.driver(r.driver))));
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
      received.set(x, (received.get(x) ?? 0) + amounts[k]!);
      const d = depts.get(x.departmentId!)!;
      return { customerId: null, departmentId: d.id, code: d.code, name: d.name, driverValue: weights[k]!, shareNumerator: weights[k]!, shareDenominator: total, amountFen: amounts[k]! };
    });
    pools.push({ ...pool(r, own, inbound, lines), driver });
  });

  // Money leaves the engine only toward customers: the sum of customer lines is the total.
  let totalFen = 0;
  for (const p of pools) for (const l of p.lines) if (l.customerId !== null) totalFen += l.amountFen;
  return { period: inputs.period, rules, pools, totalFen };
}
