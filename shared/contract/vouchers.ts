/**
 * Voucher workflow channels (docs/domain.md: Vouchers): 审核 / 反审核, the book's review and 凭证字
 * settings, 凭证整理 (renumber a period in date order) and printing to PDF. Saving, posting
 * (记账) and reversal stay in ledger.ts.
 */
import { z } from 'zod';
import type { JobStarted } from './jobs';
import { channel } from './define';
import { filePath, id, periodSchema } from './primitives';
import type { VoucherDto } from './ledger';

export const VOUCHER_WORDS = ['记', '收', '付', '转'] as const;
export type VoucherWord = (typeof VOUCHER_WORDS)[number];
export const voucherWordSchema = z.enum(VOUCHER_WORDS);

/** Which 凭证字 a book uses: 记 alone (the default), 收/付/转, or all four. */
export const WORD_SETS = { 记: ['记'], 收付转: ['收', '付', '转'], 记收付转: ['记', '收', '付', '转'] } as const satisfies Record<string, readonly VoucherWord[]>;
export type WordSet = keyof typeof WORD_SETS;

export interface VoucherSettingsDto {
  /** 审核 required before 记账 (default true). */
  reviewRequired: boolean;
  /** The maker may review their own voucher (default false; a one-accountant book turns it on). */
  selfReview: boolean;
  wordSet: WordSet;
  words: VoucherWord[];
}

export interface RenumberResult {
  period: string;
  /** Posted vouchers of the period. */
  vouchers: number;
  /** Of those, how many got a new number. */
  changed: number;
}

export interface PrintResult {
  path: string;
  vouchers: number;
  pages: number;
  bytes: number;
}

// 记-0003 or 记3; the core reads it (vouchers.noByNumber when it names no voucher).
const wordNoText = z.string().trim().min(1).max(20);

export const vouchersChannels = {
  /** 审核 by the acting user; refused for the maker unless the book allows self-review. */
  'vouchers.review': channel<VoucherDto>()(z.object({ id })),
  /** 反审核: clears the review of a voucher not yet posted. */
  'vouchers.unreview': channel<VoucherDto>()(z.object({ id })),
  /** A posted voucher by its 凭证字号 in a period (记-0003 or 记3). */
  'vouchers.find': channel<VoucherDto>()(z.object({ period: periodSchema, no: wordNoText })),
  'vouchers.settings': channel<VoucherSettingsDto>()(z.object({})),
  'vouchers.setSettings': channel<VoucherSettingsDto>()(
    z.object({ reviewRequired: z.boolean().optional(), selfReview: z.boolean().optional(), wordSet: z.enum(['记', '收付转', '记收付转']).optional() }),
  ),
  /** 凭证整理: the period's posted vouchers renumbered in date order, gapless per 字 (open period only). */
  'vouchers.renumber': channel<RenumberResult>()(z.object({ period: periodSchema })),
  /** Vouchers to PDF (a job, jobs.ts; its job.done carries the PrintResult): the given ids, or every posted voucher of a period range; A4 two per page or 凭证纸 240×140 mm. */
  'vouchers.print': channel<JobStarted>()(
    z
      .object({
        ids: z.array(id).min(1).max(100_000).optional(),
        from: periodSchema.optional(),
        to: periodSchema.optional(),
        layout: z.enum(['a4', 'voucher']).default('a4'),
        path: filePath,
      })
      .refine((r) => r.ids !== undefined || (r.from !== undefined && r.to !== undefined), 'ids, or from and to'),
  ),
};
