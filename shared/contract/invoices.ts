/** Invoice ledger (发票台账) and the book settings it needs (the company's 纳税人识别号). */
import { z } from 'zod';
import { channel } from './define';
import { periodRange } from './primitives';

export type InvoiceMatchStatus = 'matched' | 'missing' | 'amountDiffers' | 'buyerDiffers' | 'voided' | 'reused';

export interface InvoiceMatchLine {
  claimId: number;
  line: number;
  invoiceNo: string;
  status: InvoiceMatchStatus;
  /** Why it is not matched, in the UI language. */
  message?: string;
}

export type Taxpayer = 'general' | 'small';
export const taxpayerSchema = z.enum(['general', 'small']);

export interface BookSettings {
  /** 纳税人识别号 (统一社会信用代码); '' until set. */
  taxId: string;
  /** 一般纳税人 / 小规模纳税人 (vat/settings.ts). */
  taxpayer: Taxpayer;
  /** General taxpayer: the default 销项 rate, whole percent. */
  vatRatePct: number;
  /** Small-scale taxpayer: 征收率, 3 or 1. */
  smallRatePct: number;
}

const ratePct = z.number().int().min(0).max(17);

/** 15-digit old codes, 18-character 统一社会信用代码, 20-character numbers of some individuals. */
export const taxIdSchema = z
  .string()
  .max(40)
  .transform((s) => s.normalize('NFKC').replace(/\s+/g, '').toUpperCase())
  .refine((s) => s === '' || /^[0-9A-Z]{15}$|^[0-9A-Z]{18}$|^[0-9A-Z]{20}$/.test(s), 'invoices.badTaxId');

export const invoicesChannels = {
  'invoices.match': channel<{ lines: InvoiceMatchLine[] }>()(z.object(periodRange)),
  'book.settings': channel<BookSettings>()(z.object({})),
  'book.set': channel<BookSettings>()(z.object({ taxId: taxIdSchema.optional(), taxpayer: taxpayerSchema.optional(), vatRatePct: ratePct.optional(), smallRatePct: ratePct.optional() })),
};
