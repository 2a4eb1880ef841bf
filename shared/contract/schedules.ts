/** Amortization and deferral schedules; management-fee income split by ratio (Standard entries 3, 4). */
import { z } from 'zod';
import { channel } from './define';
import { accountCode, id, isoDate, periodSchema, positiveFen, ref } from './primitives';


export const scheduleInputSchema = z.object({
  preset: z.enum(['prepaid', 'intangible', 'deferral', 'custom']),
  name: z.string().min(1).max(100),
  totalFen: positiveFen,
  firstPeriod: periodSchema,
  periods: z.number().int().min(1).max(600),
  debitAccount: accountCode.optional(),
  creditAccount: accountCode.optional(),
  customerId: ref,
  employeeId: ref,
  departmentId: ref,
  memo: z.string().max(200).optional(),
  payment: z.object({ date: isoDate, bankAccount: accountCode.optional() }).optional(),
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
      date: isoDate,
      amountFen: positiveFen,
      memo: z.string().max(200).optional(),
      debitAccount: accountCode.optional(),
      customerId: ref,
      targets: z.array(z.object({ account: accountCode.optional(), departmentId: ref, ratio: z.number().int().min(0).max(1_000_000_000) })).min(1).max(50),
    }),
  ),
};
