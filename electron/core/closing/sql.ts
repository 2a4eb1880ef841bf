/**
 * How closing entries are told apart: vouchers with source_type 'closing' (source_id: which
 * kind). Management reports (expense analysis, allocation pools and drivers, profitability,
 * budgets, manager ROI) measure what the business spent and earned, so they leave these
 * out — otherwise every transferred month would show zero revenue and zero expense.
 * A reversal of a closing voucher keeps its source (vouchers.ts), so it is left out too.
 */
export const CLOSING_SOURCE = 'closing';

/** source_id of a closing voucher: the monthly 结转损益, or the year-end 本年利润 → 未分配利润. */
export const CLOSING_KIND = { pl: 1, profit: 2 } as const;

/** A condition on a voucher_line's `voucher_id` (bare, or with the given table alias). */
export const notClosing = (alias = ''): string =>
  `${alias ? `${alias}.` : ''}voucher_id NOT IN (SELECT id FROM voucher WHERE source_type = '${CLOSING_SOURCE}')`;
