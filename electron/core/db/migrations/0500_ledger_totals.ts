/**
 * Posted totals per (period, account), kept by triggers as lines are posted, so a trial
 * balance reads a few thousand rows instead of scanning a million voucher lines. Posted
 * lines never change (0001's triggers), so the totals only ever grow on posting.
 * `book check` compares them with the lines. The journal index serves keyset paging of
 * posted lines in voucher order.
 */
export const up = `
CREATE TABLE ledger_total (
  period       TEXT NOT NULL,
  account_code TEXT NOT NULL,
  debit_fen    INTEGER NOT NULL DEFAULT 0,
  credit_fen   INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (period, account_code)
) STRICT, WITHOUT ROWID;
CREATE INDEX ix_total_account ON ledger_total(account_code, period);

INSERT INTO ledger_total (period, account_code, debit_fen, credit_fen)
SELECT period, account_code, SUM(debit_fen), SUM(credit_fen) FROM voucher_line WHERE posted = 1 GROUP BY period, account_code;

CREATE TRIGGER tr_total_post AFTER UPDATE OF posted ON voucher_line
WHEN NEW.posted = 1 AND OLD.posted = 0
BEGIN
  INSERT INTO ledger_total (period, account_code, debit_fen, credit_fen)
  VALUES (NEW.period, NEW.account_code, NEW.debit_fen, NEW.credit_fen)
  ON CONFLICT (period, account_code) DO UPDATE SET debit_fen = debit_fen + excluded.debit_fen, credit_fen = credit_fen + excluded.credit_fen;
END;
CREATE TRIGGER tr_total_insert AFTER INSERT ON voucher_line
WHEN NEW.posted = 1
BEGIN
  INSERT INTO ledger_total (period, account_code, debit_fen, credit_fen)
  VALUES (NEW.period, NEW.account_code, NEW.debit_fen, NEW.credit_fen)
  ON CONFLICT (period, account_code) DO UPDATE SET debit_fen = debit_fen + excluded.debit_fen, credit_fen = credit_fen + excluded.credit_fen;
END;
`;
