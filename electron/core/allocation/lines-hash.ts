/**
 * Allocation lines (millions per run) are covered by a lines hash in the run's
 * 'allocation.run' audit record (book/child-hash.ts); the run itself is in the row log.
 */
import type { Book } from '../book/book';
import type { CheckFinding } from '../book/check';
import { baselineChildren, checkChildren, type ChildSpec } from '../book/child-hash';
import type { Sqlite } from '../db/sqlite';

export const ALLOC_LINES: ChildSpec = {
  table: 'alloc_line',
  parentTable: 'alloc_run',
  parentColumn: 'run_id',
  columns: 'pool_no, customer_id, department_id, driver_value, driver_total, amount_fen',
  order: 'id',
  allOrder: 'id',
  entity: 'alloc_run',
  actions: ['allocation.run'],
  baselineAction: 'allocation.linesBaseline',
};

export const baselineAllocLines = (sqlite: Sqlite): void => baselineChildren(sqlite, ALLOC_LINES);
export const checkAllocLines = (book: Book): CheckFinding[] => checkChildren(book, ALLOC_LINES);
