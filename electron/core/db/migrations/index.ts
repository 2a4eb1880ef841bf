/**
 * Migrations in a static map (electron-vite bundles the main process: there is no folder
 * to read at run time). Ids sort in order of application; each runs once, in one
 * transaction with the others pending. An applied id this build does not know means a
 * newer program wrote the book: we refuse to open it rather than guess.
 * Domain ranges keep parallel work apart: 0001 core, 0100 import, 0200 claims,
 * 0300 schedules and allocation, 0400 reports, 0500 reliability, 0600 audit coverage (row log),
 * 0700 UI, 0800 vouchers, 0810 period end, 0820 chart and statements, 0900 security, 0950 speed.
 * Every run is itself an audit record ('book.migrate'), so a migration that records an
 * audit baseline can never be made to run twice (audit-guard.ts).
 * A migration is SQL, or a function for what SQL alone cannot do (0600 generates triggers
 * from the tables' columns).
 */
import { UserError } from '../../../../shared/errors';
import type { Sqlite } from '../sqlite';
import * as m0001 from './0001_book';
import * as m0100 from './0100_import';
import * as m0110 from './0110_invoices';
import * as m0120 from './0120_vat_rates';
import * as m0200 from './0200_claims';
import * as m0201 from './0201_claims_control';
import * as m0202 from './0202_claim_line_duplicates';
import * as m0210 from './0210_claim_form';
import * as m0300 from './0300_drivers';
import * as m0301 from './0301_schedules_allocation';
import * as m0302 from './0302_customer_lines';
import * as m0500 from './0500_ledger_totals';
import * as m0600 from './0600_row_log';
import * as m0601 from './0601_alloc_lines';
import * as m0800 from './0800_voucher_workflow';
import * as m0810 from './0810_closed_management';
import * as m0820 from './0820_statutory_chart';
import * as m0830 from './0830_line_period_dims';
import * as m0900 from './0900_audit_head';
import { sealRange } from '../../book/row-log';
import { appendAudit } from '../../book/audit';
import { refuseAuditRemoval } from './audit-guard';

export const migrations: Record<string, string | ((sqlite: Sqlite) => void)> = {
  '0001_book': m0001.up,
  '0100_import': m0100.up,
  '0110_invoices': m0110.up,
  '0120_vat_rates': m0120.up,
  '0200_claims': m0200.up,
  '0201_claims_control': m0201.up,
  '0202_claim_line_duplicates': m0202.up,
  '0210_claim_form': m0210.up,
  '0300_drivers': m0300.up,
  '0301_schedules_allocation': m0301.up,
  '0302_customer_lines': m0302.up,
  '0500_ledger_totals': m0500.up,
  '0600_row_log': m0600.up,
  '0601_alloc_lines': m0601.up,
  '0800_voucher_workflow': m0800.up,
  '0810_closed_management': m0810.up,
  '0820_statutory_chart': m0820.up,
  '0830_line_period_dims': m0830.up,
  '0900_audit_head': m0900.up,
};

/** Migrations this build knows that the book has not had yet (and how many it has had). */
export function pendingMigrations(sqlite: Sqlite): { pending: string[]; applied: number } {
  const has = sqlite.prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = '_migration'`).get();
  const applied = has ? new Set((sqlite.prepare('SELECT id FROM _migration').all() as { id: string }[]).map((r) => r.id)) : new Set<string>();
  return { pending: Object.keys(migrations).sort().filter((id) => !applied.has(id)), applied: applied.size };
}

export function migrate(sqlite: Sqlite, now: () => string = () => new Date().toISOString()): string[] {
  sqlite.exec(`CREATE TABLE IF NOT EXISTS _migration (id TEXT PRIMARY KEY, applied_at TEXT NOT NULL) STRICT`);
  const applied = new Set(
    (sqlite.prepare('SELECT id FROM _migration').all() as { id: string }[]).map((r) => r.id),
  );
  for (const id of applied) if (!(id in migrations)) throw new UserError('book.newerVersion', { id });
  const pending = Object.keys(migrations)
    .sort()
    .filter((id) => !applied.has(id));
  refuseAuditRemoval(sqlite, applied, pending);
  if (pending.length === 0) return [];
  sqlite.transaction(() => {
    const record = sqlite.prepare('INSERT INTO _migration (id, applied_at) VALUES (?, ?)');
    const hasRowLog = sqlite.prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'row_log'`).get() !== undefined;
    const logged = hasRowLog ? (sqlite.prepare('SELECT coalesce(max(id), 0) FROM row_log').pluck().get() as number) : 0;
    for (const id of pending) {
      const m = migrations[id]!;
      if (typeof m === 'string') sqlite.exec(m);
      else m(sqlite);
      record.run(id, now());
    }
    appendAudit(sqlite, { action: 'book.migrate', entity: 'book', entityId: 'migrations', after: { applied: pending } });
    // Rows a migration wrote to covered tables are the program's own doing: seal them (row-log.ts).
    if (pending.includes('0600_row_log') || hasRowLog) sealRange(sqlite, logged);
  })();
  return pending;
}
