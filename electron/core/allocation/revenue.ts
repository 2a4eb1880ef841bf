/**
 * One definition of a customer's revenue, shared by the allocation revenue driver and
 * customer profitability (and so the account-manager figures): 主营业务收入 + 其他业务收入
 * with their sub-accounts (small: 5001 + 5051; enterprise: 6001 + 6051), credit − debit.
 * Other revenue-type accounts (投资收益, 营业外收入) are not earned from a customer's
 * business and stay out. The driver once counted 5001 only while profitability counted
 * every revenue account: the same customer had two revenues.
 */
import type { Book } from '../book/book';

/** The two root codes; an account is revenue when its code starts with one of them. */
export const revenueRoots = (book: Book): [string, string] => [book.account('mainRevenue'), book.account('otherRevenue')];

/** SQL condition on `column` (an account code) and its parameters. */
export function revenueCondition(book: Book, column = 'account_code'): { sql: string; params: string[] } {
  const [main, other] = revenueRoots(book);
  return { sql: `(substr(${column}, 1, 4) = ? OR substr(${column}, 1, 4) = ?)`, params: [main, other] };
}

export const isRevenueAccount = (book: Book, code: string): boolean => revenueRoots(book).includes(code.slice(0, 4));
