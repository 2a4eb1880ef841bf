/**
 * A claim imported from a 费用报销单 form keeps the form's own number (单据编号), so the
 * accountant finds the paper behind it (issue 18: one form = one claim). claim is a
 * row-logged table: its triggers are regenerated to log the new column (book/row-log.ts),
 * once the row log exists (on a new book this runs before 0600 creates it).
 */
import type { Sqlite } from '../sqlite';
import { installRowLog } from '../../book/row-log';

export const up = (sqlite: Sqlite): void => {
  sqlite.exec(`ALTER TABLE claim ADD COLUMN form_no TEXT`);
  const hasRowLog = sqlite.prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'row_log'`).get() !== undefined;
  if (hasRowLog) installRowLog(sqlite);
};
