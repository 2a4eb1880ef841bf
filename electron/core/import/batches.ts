/**
 * Past imports and undoing one. Undo runs in one transaction: claims the batch created are
 * deleted (refused once one is approved or paid: a voucher was posted on it), vouchers it
 * posted are reversed (红字冲销 — posted vouchers never change), driver values and
 * timesheets removed, and the customers, employees and accounts it created deleted unless
 * later entries use them. Its fingerprints go too, so the file can be imported again.
 */
import type { ImportBatchRow } from '../../../shared/contract/import';
import { UserError } from '../../../shared/errors';
import { sql, type Selectable } from 'kysely';
import type { Book } from '../book/book';
import type { ImportBatchTable } from '../db/schema/import';
import { reverseVoucher } from '../ledger/vouchers';
import { auditMasterRemoval } from '../masters/audit';

type BatchRecord = Selectable<ImportBatchTable>;

const toRow = (r: BatchRecord): ImportBatchRow => ({
  id: r.id,
  kind: r.kind,
  mode: r.mode,
  fileName: r.file_name,
  createdAt: r.created_at,
  createdBy: r.created_by,
  rowsRead: r.rows_read,
  accepted: r.accepted,
  rejected: r.rejected,
  duplicates: r.duplicates,
  skipped: r.skipped,
  totalFen: r.total_fen,
  undoneAt: r.undone_at,
});

export function listBatches(book: Book, limit = 100): ImportBatchRow[] {
  return book.db.all(book.q.selectFrom('import_batch').selectAll().orderBy('id', 'desc').limit(limit)).map(toRow);
}

export function batchRecord(book: Book, id: number): BatchRecord {
  const r = book.db.first(book.q.selectFrom('import_batch').selectAll().where('id', '=', id));
  if (!r) throw new UserError('import.batchNotFound', { id });
  return r;
}

const isFkError = (e: unknown) => (e as { code?: string })?.code === 'SQLITE_CONSTRAINT_FOREIGNKEY';

export interface UndoResult {
  batchId: number;
  reversedVouchers: number;
  deletedClaims: number;
  deletedMasters: number;
}

/** Runs inside the caller's transaction. */
export function undoBatch(book: Book, id: number): UndoResult {
  const b = batchRecord(book, id);
  if (b.undone_at) throw new UserError('import.alreadyUndone', { id });
  const moved = book.db.first(book.q.selectFrom('claim').select('id').where('batch_id', '=', id).where('status', 'in', ['approved', 'paid']).limit(1));
  if (moved) throw new UserError('import.undoClaimMoved', { id, claim: moved.id });
  const deletedClaims = book.db.run(book.q.deleteFrom('claim').where('batch_id', '=', id)).changes;

  const vouchers = book.db.all(
    book.q
      .selectFrom('voucher as v')
      .select('v.id')
      .where('v.source_type', '=', 'import')
      .where('v.source_id', '=', id)
      .where('v.status', '=', sql.lit('posted'))
      .where('v.reverses_id', 'is', null)
      .where((eb) => eb.not(eb.exists(eb.selectFrom('voucher as r').select('r.id').whereRef('r.reverses_id', '=', 'v.id'))))
      .orderBy('v.id'),
  );
  for (const v of vouchers) reverseVoucher(book, v.id);
  book.db.run(book.q.deleteFrom('voucher').where('source_type', '=', 'import').where('source_id', '=', id).where('status', '=', 'draft'));
  // A closed month's allocation inputs stay (the database refuses too): say which month, not a trigger's text.
  const closedInput = book.db.first(
    book.q
      .selectFrom((eb) =>
        eb
          .selectFrom('driver_value')
          .select('period')
          .where('batch_id', '=', id)
          .union(eb.selectFrom('timesheet').select('period').where('batch_id', '=', id))
          .as('inputs'),
      )
      .select('inputs.period')
      .where('inputs.period', 'in', (eb) => eb.selectFrom('period').select('period.period').where('period.status', '=', 'closed'))
      .limit(1),
  )?.period;
  if (closedInput) throw new UserError('ledger.periodClosed', { period: closedInput });
  for (const table of ['driver_value', 'timesheet', 'invoice'] as const) book.db.run(book.q.deleteFrom(table).where('batch_id', '=', id));

  // Masters: a list import is undone whole or not at all; masters created on the side of
  // expenses or revenue stay when later entries (or this batch's reversal vouchers) use them.
  const strict = b.kind === 'customers' || b.kind === 'employees' || b.kind === 'accounts';
  let deletedMasters = 0;
  const removed: Record<'customer' | 'employee' | 'account', (string | number)[]> = { customer: [], employee: [], account: [] };
  // A master still used elsewhere fails its delete on a foreign key: kept (detached from the batch) or, for a list import, the undo refused.
  const tryDelete = (what: 'customer' | 'employee' | 'account', key: string | number, name: string, remove: () => number, detach?: () => void) => {
    try {
      const n = remove();
      deletedMasters += n;
      if (n) removed[what].push(key);
    } catch (e) {
      if (!isFkError(e)) throw e;
      if (strict) throw new UserError('import.undoMasterUsed', { id, what, name });
      detach?.();
    }
  };
  book.db.run(
    book.q
      .updateTable('employee')
      .set({ approver_id: null })
      .where('batch_id', '=', id)
      .where('approver_id', 'in', (eb) => eb.selectFrom('employee as a').select('a.id').where('a.batch_id', '=', id)),
  );
  for (const what of ['customer', 'employee'] as const) {
    for (const m of book.db.all(book.q.selectFrom(what).select(['id', 'name']).where('batch_id', '=', id))) {
      tryDelete(
        what,
        m.id,
        m.name,
        () => book.db.run(book.q.deleteFrom(what).where('id', '=', m.id)).changes,
        () => book.db.run(book.q.updateTable(what).set({ batch_id: null }).where('id', '=', m.id)),
      );
    }
  }
  const codes = book.db
    .all(book.q.selectFrom('import_line').select('fingerprint').where('batch_id', '=', id).where('fingerprint', 'like', 'account:%'))
    .map((r) => r.fingerprint.slice('account:'.length));
  for (const code of codes.sort((a, b) => b.length - a.length || b.localeCompare(a))) tryDelete('account', code, code, () => book.db.run(book.q.deleteFrom('account').where('code', '=', code)).changes);

  for (const what of ['customer', 'employee', 'account'] as const) auditMasterRemoval(book, what, removed[what], id);
  book.db.run(book.q.deleteFrom('import_line').where('batch_id', '=', id));
  book.db.run(book.q.updateTable('import_batch').set({ undone_at: new Date().toISOString(), undone_by: book.user }).where('id', '=', id));
  const result = { batchId: id, reversedVouchers: vouchers.length, deletedClaims, deletedMasters };
  book.audit({ action: 'import.undo', entity: 'import_batch', entityId: id, before: { kind: b.kind, accepted: b.accepted }, after: result });
  return result;
}
