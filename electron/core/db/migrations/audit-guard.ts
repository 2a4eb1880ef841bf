/**
 * Audit data is never re-baselined. Migrations 0600 and 0601 record the book's state as the
 * audit baseline, which is right exactly once: for a book made before they existed. A book
 * whose `_migration` row for one of them is gone while a later migration is applied, or
 * whose own audit chain says the migration ran ('book.migrate'), or that lacks an audit
 * table its migrations created, has been edited behind the app: running the migration
 * again would accept the edited rows as the truth. That is refused (book.auditRemoved),
 * and the book opens for `book check` only (book/open-guard.ts).
 */
import { UserError } from '../../../../shared/errors';
import type { Sqlite } from '../sqlite';

const BASELINES = ['0600_row_log', '0601_alloc_lines'];
/**
 * Builds from this migration on record every migration run in the audit chain. A later id
 * below it may have been added by a build that knew nothing of this rule (0810, 0820 were
 * merged after 0601), so only ids from here on prove that a baseline migration already ran.
 */
const RECORDED_FROM = '0900_audit_head';

/** Tables each migration created that the audit relies on. */
const AUDIT_TABLES: Record<string, string[]> = {
  '0001_book': ['audit_log'],
  '0600_row_log': ['row_log', 'row_log_head'],
  '0900_audit_head': ['audit_head'],
};

const hasTable = (sqlite: Sqlite, name: string) => sqlite.prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?`).get(name) !== undefined;

export function refuseAuditRemoval(sqlite: Sqlite, applied: ReadonlySet<string>, pending: readonly string[]): void {
  const refuse = (detail: string) => {
    throw new UserError('book.auditRemoved', { detail });
  };
  for (const [id, tables] of Object.entries(AUDIT_TABLES)) {
    if (!applied.has(id)) continue;
    for (const t of tables) if (!hasTable(sqlite, t)) refuse(`table ${t} missing`);
  }
  const audited = hasTable(sqlite, 'audit_log');
  for (const id of pending) {
    if (!BASELINES.includes(id)) continue;
    const later = [...applied].filter((a) => a > id && a >= RECORDED_FROM).sort()[0];
    if (later) refuse(`migration ${id} removed from _migration while ${later} is applied`);
    const ran =
      audited &&
      sqlite
        .prepare(`SELECT 1 FROM audit_log WHERE action = 'book.migrate' AND EXISTS (SELECT 1 FROM json_each(json_extract(after, '$.applied')) WHERE value = ?) LIMIT 1`)
        .get(id) !== undefined;
    if (ran) refuse(`migration ${id} removed from _migration after the audit trail recorded it`);
  }
}
