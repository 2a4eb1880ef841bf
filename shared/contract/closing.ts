/** Period end: 结转损益 and the 结账检查 (closing and reopening are periods.close / periods.reopen in ledger.ts). */
import { z } from 'zod';
import { channel } from './define';
import { periodSchema } from './primitives';

export interface TransferPlDto {
  /** The 结转损益 voucher, 记-0042, or null when nothing new was transferred. */
  voucherNo: string | null;
  /** Lines posted (both vouchers in December, when 本年利润 also moves to 未分配利润). */
  lines: number;
  vouchers: { id: number; no: string; kind: 'pl' | 'profit' }[];
}

/** One blocker or warning: a stable code, its text in the UI language, and the page that fixes it. */
export interface CheckItemDto {
  code: string;
  message: string;
  params: Record<string, string | number>;
  link: 'periods' | 'vouchers' | 'ledger' | 'reports' | 'claims' | 'schedules' | 'allocation';
}

export interface CloseCheckDto {
  period: string;
  blockers: CheckItemDto[];
  warnings: CheckItemDto[];
}

export const closingChannels = {
  /** Posts the month's 结转损益 (and, in December, 本年利润 → 利润分配-未分配利润); again: only what is new. */
  'periods.transferPl': channel<TransferPlDto>()(z.object({ period: periodSchema })),
  /** What blocks closing the month, and what to look at first. Reads only. */
  'periods.closeCheck': channel<CloseCheckDto>()(z.object({ period: periodSchema })),
};
