/**
 * Management-fee income recognised at once (docs/domain.md: Standard entry 4): Dr bank (or
 * another debit account) 价税合计 / Cr revenue, split by ratio over several revenue accounts
 * or departments / Cr 应交税费-应交增值税-销项税额 (vat/output.ts: at the customer's or the
 * book's rate; a small-scale taxpayer's levy). Ratios are integer weights (e.g. 60 / 40, or
 * 333 / 667); the split of the revenue is the same largest-remainder rule as allocation, so
 * the credits sum exactly to the receipt. Runs inside the caller's book.tx.
 */
import { UserError } from '../../../shared/errors';
import type { Book } from '../book/book';
import { bookVoucher } from '../ledger/vouchers';
import { splitByRatio } from '../allocation/split';
import { saleRates, splitGross } from '../vat/output';

export interface FeeIncomeInput {
  date: string;
  amountFen: number;
  memo?: string | undefined;
  debitAccount?: string | undefined;
  customerId?: number | null | undefined;
  targets: { account?: string | undefined; departmentId?: number | null | undefined; ratio: number }[];
}

export function bookFeeIncome(book: Book, input: FeeIncomeInput): { voucherId: number; amounts: number[]; taxFen: number } {
  if (!Number.isSafeInteger(input.amountFen) || input.amountFen <= 0) throw new UserError('schedule.badTotal');
  if (input.targets.length === 0 || input.targets.some((t) => !Number.isSafeInteger(t.ratio) || t.ratio < 0) || input.targets.every((t) => t.ratio === 0)) {
    throw new UserError('schedule.badRatios');
  }
  const customerId = input.customerId ?? null;
  const { netFen, taxFen } = splitGross(input.amountFen, saleRates(book)(customerId));
  const amounts = splitByRatio(netFen, input.targets.map((t) => t.ratio));
  const memo = input.memo ?? '管理费收入';
  const credits = input.targets
    .map((t, i) => ({ account: t.account ?? book.account('otherRevenue'), creditFen: amounts[i]!, departmentId: t.departmentId ?? null, customerId, memo }))
    .filter((l) => l.creditFen !== 0);
  if (taxFen !== 0) credits.push({ account: book.account('outputVat'), creditFen: taxFen, departmentId: null, customerId: null, memo: `${memo} 销项税额` });
  const v = bookVoucher(book, {
    date: input.date,
    memo,
    lines: [{ account: input.debitAccount ?? book.account('bank'), debitFen: input.amountFen, customerId, memo }, ...credits],
  });
  return { voucherId: v.id, amounts, taxFen };
}
