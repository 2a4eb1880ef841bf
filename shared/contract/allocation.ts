/**
 * Cost allocation and customer profitability (docs/domain.md: Cost allocation, Customer
 * profitability): rules CRUD, runs, what-if, explanations, reclass posting.
 */
import { z } from 'zod';
import { channel } from './define';
import { accountCode, id, periodRange, periodSchema } from './primitives';

export const targetSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('all') }),
  z.object({ kind: z.literal('tier'), tiers: z.array(z.string().max(50)).min(1).max(50) }),
  z.object({ kind: z.literal('manager'), managerIds: z.array(id).min(1).max(500) }),
]);

export const ruleSchema = z.object({
  id: id.optional(),
  seq: z.number().int().min(0).max(1_000_000).default(0),
  name: z.string().min(1).max(100),
  method: z.enum(['single', 'stepdown', 'activity']).default('single'),
  accounts: z.array(accountCode).min(1).max(100),
  departmentId: id.nullable().default(null),
  /** revenue | directCost | hours | equal | headcount | table:<imported driver name> */
  driver: z.string().min(1).max(100),
  target: targetSchema.default({ kind: 'all' }),
  active: z.boolean().default(true),
});
export type Rule = z.output<typeof ruleSchema>;
export type Target = Rule['target'];

const ruleChoice = z.object({ ruleSet: z.string().max(50).optional(), rules: z.array(ruleSchema).max(5000).optional() });
const ruleSetName = z.string().min(1).max(50).default('default');

export interface ResultLine {
  customerId: number | null;
  departmentId: number | null;
  code: string;
  name: string;
  driverValue: number;
  shareNumerator: number;
  shareDenominator: number;
  amountFen: number;
}

export interface PoolResult {
  pool: string;
  method: Rule['method'];
  driver: string;
  accounts: string[];
  departmentId: number | null;
  ownFen: number;
  receivedFen: number;
  amountFen: number;
  allocatedFen: number;
  lines: ResultLine[];
}

export interface AllocationResult {
  period: string;
  rules: Rule[];
  pools: PoolResult[];
  totalFen: number;
}

export interface RunSummary {
  runId: number;
  period: string;
  ruleSet: string;
  createdAt: string;
  totalFen: number;
  voucherId: number | null;
  /** The reclass voucher as the accountant knows it: 2026-10 记-0012. */
  voucherNo: string | null;
}

export interface StoredRun extends RunSummary {
  snapshot: { rules: Rule[]; pools: Omit<PoolResult, 'lines'>[] };
  pools: PoolResult[];
}

export interface WhatIfResult {
  period: string;
  a: AllocationResult;
  b: AllocationResult;
  customers: { customerId: number; code: string; name: string; aFen: number; bFen: number; diffFen: number }[];
}

export interface ExplainLine {
  period: string;
  runId: number;
  pool: string;
  driver: string;
  poolFen: number;
  /** Of poolFen, what the pool received from service departments (step-down); 0 otherwise. */
  receivedFen: number;
  driverValue: number;
  shareNumerator: number;
  shareDenominator: number;
  amountFen: number;
}

export interface Figures {
  revenueFen: number;
  directCostFen: number;
  allocatedFen: number;
}

export type ProfitClass = 'high' | 'low' | 'loss';

export interface CustomerProfit extends Figures {
  customerId: number;
  code: string;
  name: string;
  tier: string;
  managerId: number | null;
  managerName: string;
  profitFen: number;
  /** profit / revenue, a ratio for display; null without revenue. */
  margin: number | null;
  rank: number;
  profitClass: ProfitClass;
  /** Whale curve: cumulative profit of this and every better customer ÷ total profit. */
  cumulativeShare: number | null;
}

/** Per account manager; expenseFen = direct (incl. 主营业务成本) + allocated; see core/allocation/profitability.ts. */
export interface ManagerRoi {
  managerId: number | null;
  managerName: string;
  customers: number;
  revenueFen: number;
  expenseFen: number;
  previousRevenueFen: number;
  growth: number | null;
  retention: number | null;
  retained: number;
  previousCustomers: number;
  revenuePerYuan: number | null;
  /** Client costs only (客户管理费用): what the manager spends on their customers. */
  clientCostFen: number;
  revenuePerClientYuan: number | null;
  /** The previous range growth and retention compare with; not comparable (both null) when it starts before the book. */
  previousFrom: string;
  previousTo: string;
  comparable: boolean;
}

export interface AllocationOptions {
  drivers: string[];
  departments: { id: number; code: string; name: string; isService: boolean }[];
  tiers: string[];
  managers: { id: number; name: string }[];
  ruleSets: string[];
}

const range = z.object(periodRange);

export const allocationChannels = {
  'allocation.rules': channel<Rule[]>()(z.object({ ruleSet: ruleSetName })),
  'allocation.saveRule': channel<{ id: number }>()(z.object({ ruleSet: ruleSetName, rule: ruleSchema })),
  'allocation.deleteRule': channel<{ ok: true }>()(z.object({ id: id })),
  'allocation.options': channel<AllocationOptions>()(z.object({})),
  'allocation.run': channel<StoredRun>()(z.object({ period: periodSchema, ruleSet: ruleSetName })),
  'allocation.runs': channel<RunSummary[]>()(z.object({})),
  'allocation.getRun': channel<{ run: StoredRun | null }>()(z.object({ runId: id.optional(), period: periodSchema.optional() })),
  'allocation.whatIf': channel<WhatIfResult>()(z.object({ period: periodSchema, a: ruleChoice, b: ruleChoice })),
  'allocation.explain': channel<ExplainLine[]>()(range.extend({ customerId: id })),
  'allocation.post': channel<{ voucherId: number; voucherNo: string; lines: number }>()(z.object({ runId: id })),
  'profitability.customers': channel<{ rows: CustomerProfit[]; totals: Figures & { profitFen: number } }>()(range),
  'profitability.managers': channel<ManagerRoi[]>()(range),
};
