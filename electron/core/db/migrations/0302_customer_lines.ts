/**
 * Customer profitability reads every posted line that carries a customer over a range of
 * periods. 0001's ix_line_customer leads with the customer, so a range of months costs one
 * table lookup per line (2.5 s on a 1,000,000-line book); this partial covering index holds
 * just the customer lines in period order with every column the query needs.
 */
export const up = `
CREATE INDEX ix_line_customer_period ON voucher_line(period, customer_id, account_code, debit_fen, credit_fen, voucher_id)
  WHERE posted = 1 AND customer_id IS NOT NULL;
`;
