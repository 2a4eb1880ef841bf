/** Amortization and deferral schedules; management-fee income split by ratio (Standard entries 3, 4). */
import { z } from 'zod';
import { fenSchema } from './fen';
import { periodSchema } from './book';
import { channel } from './define';

const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD');
const account = z.string().regex(/^\d{4}(\d{2}){0,2}$/);
const id = z.number().int().positive();

export const scheduleInputSchema = z.object({
  preset: z.enum(['prepaid', 'intangible', 'deferral', 'custom']),
  name: z.string().min(1).max(100),
  totalFen: fenSchema.positive(),
  firstPeriod: periodSchema,
  periods: z.number().int().min(1).max(600),
  debitAccount: account.optional(),
  creditAccount: account.optional(),
  customerId: id.nullish(),
  employeeId: id.nullish(),
  departmentId: id.nullish(),
  memo: z.string().max(200).optional(),
  payment: z.object({ date, bankAccount: account.optional() }).optional(),
});

export type ScheduleStatus = 'posted' | 'due' | 'future' | 'closed';

export interface ScheduleEntry {
  no: number;
  period: string;
  amountFen: number;
  status: ScheduleStatus;
  voucherId: number | null;
}

export interface ScheduleView {
  id: number;
  kind: 'amortization' | 'deferral';
  name: string;
  totalFen: number;
  firstPeriod: string;
  periods: number;
  debitAccount: string;
  debitName: string;
  creditAccount: string;
  creditName: string;
  customerId: number | null;
  employeeId: number | null;
  departmentId: number | null;
  memo: string;
  creationVoucherId: number | null;
  postedFen: number;
  remainingFen: number;
  entries: ScheduleEntry[];
}

export interface ScheduleRunResult {
  period: string;
  posted: { scheduleId: number; name: string; voucherId: number; amountFen: number }[];
  alreadyPosted: number;
}

export const schedulesChannels = {
  'schedules.list': channel<ScheduleView[]>()(z.object({})),
  'schedules.create': channel<ScheduleView>()(scheduleInputSchema),
  'schedules.run': channel<ScheduleRunResult>()(z.object({ period: periodSchema, scheduleId: id.optional() })),
  'schedules.feeIncome': channel<{ voucherId: number; amounts: number[]; taxFen: number }>()(
    z.object({
      date,
      amountFen: fenSchema.positive(),
      memo: z.string().max(200).optional(),
      debitAccount: account.optional(),
      customerId: id.nullish(),
      targets: z.array(z.object({ account: account.optional(), departmentId: id.nullish(), ratio: z.number().int().min(0).max(1_000_000_000) })).min(1).max(50),
    }),
  ),
};
