/**
 * Books made before the full statutory chart gain its missing accounts (issue 15). An
 * account the book already has keeps its code, name and lines, whatever it is called; a
 * sub-account is only added under a parent that exists and has no lines of its own (a
 * posted leaf never turns into a parent, which would strand its lines above the leaves).
 * Fresh books are skipped here: seed.ts writes the whole chart after the migrations.
 * The rows are the program's own doing and are sealed into the row log by migrate().
 */
import type { Sqlite } from '../sqlite';
import { defaultChart, type Standard } from '../../accounts/default-chart';

const parentOf = (code: string): string | null => (code.length === 4 ? null : code.slice(0, code.length - 2));

export function up(sqlite: Sqlite): void {
  const standard = sqlite.prepare(`SELECT value FROM book_meta WHERE key = 'standard'`).pluck().get() as Standard | undefined;
  if (!standard) return;
  const has = sqlite.prepare(`SELECT 1 FROM account WHERE code = ?`).pluck();
  const hasLines = sqlite.prepare(`SELECT 1 FROM voucher_line WHERE account_code = ? LIMIT 1`).pluck();
  const insert = sqlite.prepare(`INSERT INTO account (code, name, parent_code, type, normal_side, active, dims) VALUES (?, ?, ?, ?, ?, 1, ?)`);
  for (const a of defaultChart(standard)) {
    if (has.get(a.code)) continue;
    const parent = parentOf(a.code);
    if (parent && (!has.get(parent) || hasLines.get(parent))) continue;
    insert.run(a.code, a.name, parent, a.type, a.side, a.dims ?? '');
  }
}
