/** Expense policy (报销制度): the rules a claim is checked against, and the approval chain by amount. */
import { z } from 'zod';
import { channel } from './define';
import { fen, id, ref } from './primitives';

export interface PolicyRuleRow {
  id: number;
  kind: string;
  action: 'warn' | 'block';
  amountFen: number | null;
  days: number | null;
  categoryCode: string | null;
  employeeId: number | null;
  departmentId: number | null;
  customerTier: string | null;
  active: boolean;
  note: string;
}

export const policyKindSchema = z.enum([
  'item_cap',
  'day_cap',
  'month_cap',
  'receipt_required',
  'invoice_required',
  'duplicate_invoice',
  'future_date',
  'old_date',
  'weekend',
  'customer_required',
]);

export interface ApprovalLevelRow {
  step: number;
  role: 'manager' | 'finance' | 'gm';
  aboveFen: number;
}

export const policyChannels = {
  'policy.list': channel<{ rules: PolicyRuleRow[]; chain: ApprovalLevelRow[] }>()(z.object({})),
  'policy.save': channel<PolicyRuleRow>()(
    z.object({
      id: id.optional(),
      kind: policyKindSchema,
      action: z.enum(['warn', 'block']),
      amountFen: fen.min(0).nullish(),
      days: z.number().int().min(0).nullish(),
      categoryCode: z.string().max(40).nullish(),
      employeeId: ref,
      departmentId: ref,
      customerTier: z.string().max(40).nullish(),
      active: z.boolean().default(true),
      note: z.string().max(200).optional(),
    }),
  ),
  'policy.delete': channel<{ deleted: boolean }>()(z.object({ id })),
  'policy.setChain': channel<ApprovalLevelRow[]>()(
    z.object({ levels: z.array(z.object({ role: z.enum(['manager', 'finance', 'gm']), aboveFen: fen.min(0) })).min(1).max(6) }),
  ),
};
