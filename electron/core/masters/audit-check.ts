/**
 * `book check` for master data: every row whose change was audited must still hold the
 * state its latest audit record says. Rows never changed through the app (the seeded
 * chart) have no record to compare with and are not judged.
 */
import type { Book } from '../book/book';
import type { CheckFinding } from '../book/check';
import { MASTER_COLUMNS, snapshot, type MasterEntity, type Snapshot } from './audit';

export function checkMasters(book: Book): CheckFinding[] {
  // state null: the row was removed on purpose and must stay gone.
  const latest = new Map<string, { entity: MasterEntity; key: string | number; state: Snapshot | null; auditId: number }>();
  const records = book.db.all(book.q.selectFrom('audit_log').select(['id', 'action', 'entity', 'entity_id', 'after']).where('action', 'like', 'masters.%').orderBy('id'));
  for (const r of records) {
    const entity = r.entity as MasterEntity;
    if (!(entity in MASTER_COLUMNS) || !r.after) continue;
    const after = JSON.parse(r.after) as Snapshot & { rows?: { key: string | number; state: Snapshot | null }[] };
    const keyOf = (k: string | number) => (MASTER_COLUMNS[entity].key === 'id' ? Number(k) : String(k));
    if (r.action.endsWith('.batch') || r.action.endsWith('.remove')) {
      for (const row of after.rows ?? []) latest.set(`${entity}:${row.key}`, { entity, key: keyOf(row.key), state: row.state, auditId: r.id });
    } else {
      latest.set(`${entity}:${r.entity_id}`, { entity, key: keyOf(r.entity_id), state: after, auditId: r.id });
    }
  }
  const findings: CheckFinding[] = [];
  for (const { entity, key, state, auditId } of latest.values()) {
    const now = snapshot(book, entity, key);
    if (state === null) {
      if (now) findings.push({ check: 'audit', message: `${entity} ${key}: removed (record ${auditId}) but present in the book` });
      continue;
    }
    if (!now) {
      findings.push({ check: 'audit', message: `${entity} ${key}: audited (record ${auditId}) but missing from the book` });
      continue;
    }
    const changed = MASTER_COLUMNS[entity].columns.filter((c) => (now[c] ?? null) !== (state[c] ?? null));
    if (changed.length > 0) findings.push({ check: 'audit', message: `${entity} ${key}: ${changed.join(', ')} differ from audit record ${auditId}` });
  }
  return findings;
}
