/**
 * 利润分配-未分配利润 for books made before the chart had it: created through the chart's own
 * definition (default-chart.ts, role undistributedProfit), so a book that gains it here and
 * one seeded with it agree on code, name, type and side.
 */
import { codeFor, defaultChart } from '../chart/default-chart';
import type { Book } from '../book/book';
import { auditMaster } from '../masters/audit';

export function ensureUndistributedProfit(book: Book): string {
  const code = book.account('undistributedProfit');
  if (book.sqlite.prepare('SELECT 1 FROM account WHERE code = ?').get(code)) return code;
  const def = defaultChart(book.standard).find((a) => a.code === code)!;
  const parent = codeFor(book.standard, 'E104');
  book.sqlite
    .prepare(`INSERT INTO account (code, name, parent_code, type, normal_side, active, dims) VALUES (?, ?, ?, ?, ?, 1, '')`)
    .run(def.code, def.name, parent, def.type, def.side);
  // The same audit record as a sub-account added by hand, so `book check` reads it like one.
  auditMaster(book, 'account', 'create', code, undefined);
  return code;
}
