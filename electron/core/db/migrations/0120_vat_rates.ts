/**
 * A customer's contract VAT rate (issue 18: 销项税额 at a rate per customer contract), whole
 * percent, NULL = the book's default rate (vat/settings.ts). customer is row-logged: its
 * triggers are regenerated to log the new column (book/row-log.ts), once the row log
 * exists, and the existing customers are logged again with it (as 0210 does for claim).
 */
import type { Sqlite } from '../sqlite';
import { installRowLog, relogRows } from '../../book/row-log';

export const up = (sqlite: Sqlite): void => {
  sqlite.exec(`ALTER TABLE customer ADD COLUMN vat_rate INTEGER CHECK (vat_rate IS NULL OR vat_rate BETWEEN 0 AND 17)`);
  const hasRowLog = sqlite.prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'row_log'`).get() !== undefined;
  if (hasRowLog) {
    installRowLog(sqlite);
    relogRows(sqlite, 'customer');
  }
};
