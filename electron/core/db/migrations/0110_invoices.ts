/**
 * The invoice ledger (发票台账, issue 18): every invoice the company received, from the
 * 电子税务局 export (全量发票查询 → 导出), a 数电票 XML file or a 数电票 PDF's text. Each invoice is
 * one row keyed by its number: the 20-digit 数电票号码, or 发票代码-发票号码 for the older
 * invoices that have a code. Book data, so row-logged (book/row-log.ts): on a new book
 * migration 0600 installs its triggers; on a book that already has the row log, this does.
 */
import type { Sqlite } from '../sqlite';
import { installRowLog } from '../../book/row-log';

export const up = (sqlite: Sqlite): void => {
  sqlite.exec(`
CREATE TABLE invoice (
  id            INTEGER PRIMARY KEY,
  invoice_key   TEXT NOT NULL UNIQUE,
  number        TEXT NOT NULL,
  code          TEXT NOT NULL DEFAULT '',
  seller_tax_id TEXT NOT NULL DEFAULT '',
  seller_name   TEXT NOT NULL DEFAULT '',
  buyer_tax_id  TEXT NOT NULL DEFAULT '',
  buyer_name    TEXT NOT NULL DEFAULT '',
  issue_date    TEXT,
  amount_fen    INTEGER NOT NULL,
  tax_fen       INTEGER NOT NULL,
  total_fen     INTEGER NOT NULL,
  kind          TEXT NOT NULL DEFAULT '',
  special       INTEGER NOT NULL DEFAULT 0 CHECK (special IN (0,1)),
  status        TEXT NOT NULL DEFAULT '',
  voided        INTEGER NOT NULL DEFAULT 0 CHECK (voided IN (0,1)),
  source        TEXT NOT NULL DEFAULT '',
  batch_id      INTEGER,
  created_at    TEXT NOT NULL
) STRICT;
CREATE INDEX ix_invoice_number ON invoice(number);
CREATE INDEX ix_invoice_batch ON invoice(batch_id);
`);
  const hasRowLog = sqlite.prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'row_log'`).get() !== undefined;
  if (hasRowLog) installRowLog(sqlite);
};
