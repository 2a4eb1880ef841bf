/**
 * Claim lines are covered by a lines hash in the claim's audit records (book/child-hash.ts):
 * every action that writes a claim's lines records `linesHash` (claim.create, claim.update,
 * claim.attach). A claim deleted is covered by the row log on `claim`.
 */
import type { Book } from '../book/book';
import type { CheckFinding } from '../book/check';
import { baselineChildren, checkChildren, childHash, type ChildSpec } from '../book/child-hash';
import type { Sqlite } from '../db/sqlite';

export const CLAIM_LINES: ChildSpec = {
  table: 'claim_line',
  parentTable: 'claim',
  parentColumn: 'claim_id',
  columns: 'line_no, date, category_id, customer_id, department_id, description, invoice_no, invoice_type, amount_fen, tax_fen, receipt',
  order: 'line_no',
  allOrder: 'claim_id, line_no',
  entity: 'claim',
  actions: ['claim.create', 'claim.update', 'claim.attach'],
  baselineAction: 'claim.linesBaseline',
};

export const claimLinesHash = (book: Book, claimId: number): string => childHash(book.sqlite, CLAIM_LINES, claimId);
export const baselineClaimLines = (sqlite: Sqlite): void => baselineChildren(sqlite, CLAIM_LINES);
export const checkClaimLines = (book: Book): CheckFinding[] => checkChildren(book, CLAIM_LINES);
