/** Ledger channels: vouchers (draft → posted → reversed), periods, keyset pages of posted lines. */
import { z } from 'zod';
import { channel, type Page } from './define';
import { accountCode, fen, filePath, id, isoDate, pageArgs, periodRange, periodSchema, ref } from './primitives';
import { voucherWordSchema, type VoucherWord } from './vouchers';

/** 制单 (draft) → 审核 (reviewed) → 记账 (posted). */
export type VoucherStatus = 'draft' | 'reviewed' | 'posted';
/** How a voucher passed review: by another user, by its maker (a book that allows it), or by the action that generated it. */
export type ReviewKind = 'other' | 'self' | 'generated';

export interface VoucherLineDto {
  lineNo: number;
  account: string;
  accountName: string;
  debitFen: number;
  creditFen: number;
  memo: string;
  customerId: number | null;
  customerName: string | null;
  employeeId: number | null;
  employeeName: string | null;
  departmentId: number | null;
  departmentName: string | null;
  categoryId: number | null;
}

export interface VoucherDto {
  id: number;
  period: string;
  /** 凭证序号: the posting sequence of the period, gapless across 字. */
  number: number | null;
  /** 凭证字号 (记-0001, 收-0003), or — before posting. */
  no: string;
  word: VoucherWord;
  wordNo: number | null;
  /** 附单据张数. */
  attachments: number;
  date: string;
  status: VoucherStatus;
  /** 制单 / 审核 / 记账: who made, reviewed and posted it. */
  maker: string;
  reviewer: string | null;
  reviewKind: ReviewKind | null;
  poster: string | null;
  memo: string;
  reversesId: number | null;
  reversedById: number | null;
  debitFen: number;
  creditFen: number;
  lines: VoucherLineDto[];
}

/** A voucher in the list: its header and totals without the lines (their count instead). */
export type VoucherListRow = Omit<VoucherDto, 'lines' | 'creditFen'> & { lineCount: number };

export interface PeriodRow {
  period: string;
  status: 'open' | 'closed';
  closedAt: string | null;
  closedBy: string | null;
  posted: number;
  drafts: number;
}

/** One posted line in a detail ledger or the journal; balanceFen is debit-positive. */
export interface LedgerLineRow {
  key: string;
  date: string;
  period: string;
  voucherId: number;
  no: string;
  lineNo: number;
  account: string;
  accountName: string;
  memo: string;
  debitFen: number;
  creditFen: number;
  /** Running balance (detail ledger only; null in the journal). */
  balanceFen: number | null;
}

export const voucherLineSchema = z.object({
  account: accountCode,
  debitFen: fen.optional(),
  creditFen: fen.optional(),
  memo: z.string().max(200).optional(),
  customerId: ref,
  employeeId: ref,
  departmentId: ref,
  categoryId: ref,
});

/** A 科目余额表 row with signed balances (debit positive), as scripts read it. */
export interface TrialBalanceRow {
  code: string;
  name: string;
  openingFen: number;
  debitFen: number;
  creditFen: number;
  closingFen: number;
}

/** The row in the Chinese layout: each balance also unsigned in its 借方 or 贷方 column, and 本年累计. */
export interface ChineseTrialBalanceRow extends TrialBalanceRow {
  openingDebitFen: number;
  openingCreditFen: number;
  ytdDebitFen: number;
  ytdCreditFen: number;
  closingDebitFen: number;
  closingCreditFen: number;
}

export type ChineseTotals = Record<'openingDebitFen' | 'openingCreditFen' | 'debitFen' | 'creditFen' | 'ytdDebitFen' | 'ytdCreditFen' | 'closingDebitFen' | 'closingCreditFen', number>;

/** 科目余额表 in the Chinese layout (ledger/trial-balance.ts chineseTrialBalance returns it as is). */
export interface TrialBalanceDto {
  rows: ChineseTrialBalanceRow[];
  totals: ChineseTotals;
}

export const ledgerChannels = {
  /** Creates a draft (no id) or replaces a draft's date, memo and lines (id). Rules are checked. */
  'vouchers.save': channel<VoucherDto>()(
    // confirmFuture: the user confirmed a date later than next month (closing.futurePeriod otherwise).
    z.object({
      id: id.optional(),
      date: isoDate,
      memo: z.string().max(200).default(''),
      word: voucherWordSchema.optional(),
      attachments: z.number().int().min(0).max(9999).default(0),
      lines: z.array(voucherLineSchema).max(1000),
      confirmFuture: z.boolean().optional(),
    }),
  ),
  'vouchers.post': channel<VoucherDto>()(z.object({ id })),
  /** 红字冲销: returns the reversal voucher. */
  'vouchers.reverse': channel<VoucherDto>()(z.object({ id, date: isoDate.optional() })),
  'vouchers.delete': channel<{ deleted: number }>()(z.object({ id })),
  'vouchers.get': channel<VoucherDto>()(z.object({ id })),
  /** Newest first within a period: keyset on (period, number/draft id). */
  'vouchers.page': channel<Page<VoucherListRow>>()(z.object({ period: periodSchema.optional(), status: z.enum(['draft', 'reviewed', 'posted']).optional(), ...pageArgs })),
  'periods.list': channel<PeriodRow[]>()(z.object({})),
  /** Closes in order when the 结账检查 has no blocker (its first blocker's code otherwise); confirmFuture for a month beyond next. */
  'periods.close': channel<PeriodRow[]>()(z.object({ period: periodSchema, confirmFuture: z.boolean().optional() })),
  /** 反结账: only the latest closed period, with a reason (audited). */
  'periods.reopen': channel<PeriodRow[]>()(z.object({ period: periodSchema, reason: z.string().trim().min(1).max(500) })),
  /** 明细账 rows for an account (and its sub-accounts); the first page starts with the opening row. */
  'ledger.detailPage': channel<Page<LedgerLineRow>>()(z.object({ account: accountCode, ...periodRange, ...pageArgs })),
  /** 序时账: every posted line by date, then voucher number. */
  'ledger.journalPage': channel<Page<LedgerLineRow>>()(z.object({ ...periodRange, ...pageArgs })),
  /** 科目余额表 (the same numbers as the trial-balance report module). */
  'ledger.trialBalance': channel<TrialBalanceDto>()(
    // zero: 'hide' leaves out accounts without balance or movement in the range, 'show' lists the whole chart.
    z.object({ ...periodRange, level: z.number().int().min(1).max(3).optional(), customerId: id.optional(), employeeId: id.optional(), departmentId: id.optional(), zero: z.enum(['hide', 'show']).optional() }),
  ),
  /** hledger journal of every posted voucher: written to `path`, or returned as text. */
  'ledger.exportHledger': channel<{ path: string | null; transactions: number; text: string | null }>()(z.object({ path: filePath.optional() })),
};
