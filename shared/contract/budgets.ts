/** Budgets by period and scope (employee, department, customer, category), and how a claim stands against them. */
import { z } from 'zod';
import { channel } from './define';
import { fen, id, ref } from './primitives';

export interface BudgetCheck {
  budgetId: number;
  name: string;
  /** Who or what the budget covers (销售一部 · 客户礼品费): same-named budgets told apart. */
  scope: string;
  period: string;
  amountFen: number;
  actualFen: number;
  committedFen: number;
  /** This claim's part, included in committed once it is submitted. */
  claimFen: number;
  projectedFen: number;
  level: 'ok' | 'warn' | 'alert';
  hardBlock: boolean;
}

export interface BudgetRow {
  id: number;
  name: string;
  periodKind: 'month' | 'quarter' | 'year';
  period: string;
  employeeId: number | null;
  departmentId: number | null;
  customerId: number | null;
  categoryId: number | null;
  scope: string;
  amountFen: number;
  warnPct: number;
  alertPct: number;
  hardBlock: boolean;
  actualFen: number;
  committedFen: number;
  remainingFen: number;
  usedPct: number;
  level: 'ok' | 'warn' | 'alert';
}

export const budgetsChannels = {
  'budgets.list': channel<BudgetRow[]>()(z.object({ period: z.string().max(10).optional() })),
  'budgets.save': channel<BudgetRow>()(
    z.object({
      id: id.optional(),
      name: z.string().max(100).optional(),
      periodKind: z.enum(['month', 'quarter', 'year']),
      period: z.string().max(10),
      employeeId: ref,
      departmentId: ref,
      customerId: ref,
      categoryId: ref,
      amountFen: fen.positive(),
      warnPct: z.number().int().min(1).max(1000).default(80),
      alertPct: z.number().int().min(1).max(1000).default(100),
      hardBlock: z.boolean().default(false),
    }),
  ),
  'budgets.delete': channel<{ deleted: boolean }>()(z.object({ id })),
};
