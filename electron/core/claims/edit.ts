/**
 * Editing claims by hand: a draft's lines are replaced as a whole (the screen's grid is
 * the claim), checked for what the database cannot express (positive amounts, tax within
 * the amount, real dates and categories). Submitted claims are read-only until rejected.
 */
import { UserError } from '../../../shared/errors';
import { isIsoDate } from '../../../shared/period';
import type { Book } from '../book/book';
import { builder } from '../db/query';
import { precompiled } from '../db/precompiled';
import { invoiceKey } from '../policy/rules';
import { createClaim, type ClaimLineInput } from './create';
import { claimLinesHash } from './lines-hash';
import { sumFen } from '../reports/exact';

export interface ClaimRecord {
  id: number;
  employee_id: number;
  title: string;
  status: 'draft' | 'submitted' | 'approved' | 'paid';
  total_fen: number;
  tax_fen: number;
  reject_reason: string | null;
  accrual_voucher_id: number | null;
  settlement_voucher_id: number | null;
  created_by: string;
  submitted_at: string | null;
}

/** Compiled once (db/precompiled.ts): every claim action starts with it. */
const recordQuery = precompiled(
  (id: number) =>
    builder
      .selectFrom('claim')
      .select(['id', 'employee_id', 'title', 'status', 'total_fen', 'tax_fen', 'reject_reason', 'accrual_voucher_id', 'settlement_voucher_id', 'created_by', 'submitted_at'])
      .where('id', '=', id),
  1,
);

export function claimRecord(book: Book, id: number): ClaimRecord {
  const c: ClaimRecord | undefined = book.db.first(recordQuery(id));
  if (!c) throw new UserError('claims.notFound', { id });
  return c;
}

export function requireStatus(c: ClaimRecord, status: ClaimRecord['status'], action: string): void {
  if (c.status !== status) throw new UserError('claims.badStatus', { id: c.id, status: c.status, action });
}

export function checkLines(book: Book, employeeId: number, lines: ClaimLineInput[]): void {
  if (!book.db.first(book.q.selectFrom('employee').select('id').where('id', '=', employeeId))) throw new UserError('claims.unknownEmployee', { id: employeeId });
  if (lines.length === 0) throw new UserError('claims.noLines');
  const cat = (id: number) => book.db.first(book.q.selectFrom('category').select('id').where('id', '=', id));
  lines.forEach((l, i) => {
    const line = i + 1;
    if (!isIsoDate(l.date)) throw new UserError('claims.badDate', { line, date: l.date });
    if (!Number.isSafeInteger(l.amountFen) || l.amountFen <= 0) throw new UserError('claims.badAmount', { line });
    const tax = l.taxFen ?? 0;
    if (!Number.isSafeInteger(tax) || tax < 0 || tax > l.amountFen) throw new UserError('claims.badTax', { line });
    if (!cat(l.categoryId)) throw new UserError('claims.unknownCategory', { line });
  });
}

export interface SaveInput {
  id?: number | undefined;
  employeeId: number;
  title?: string | undefined;
  lines: ClaimLineInput[];
}

/** Creates a draft or replaces a draft's employee, title and lines. Returns the id. */
export function saveClaim(book: Book, input: SaveInput): number {
  checkLines(book, input.employeeId, input.lines);
  if (input.id === undefined) return createClaim(book, { employeeId: input.employeeId, ...(input.title !== undefined ? { title: input.title } : {}), lines: input.lines });
  const c = claimRecord(book, input.id);
  requireStatus(c, 'draft', 'edit');
  const total = sumFen(input.lines.map((l) => l.amountFen), 'claims');
  const tax = sumFen(input.lines.map((l) => l.taxFen ?? 0), 'claims');
  book.db.run(book.q.updateTable('claim').set({ employee_id: input.employeeId, title: input.title ?? c.title, total_fen: total, tax_fen: tax }).where('id', '=', c.id));
  book.db.run(book.q.deleteFrom('claim_line').where('claim_id', '=', c.id));
  const withReceipt = new Set(
    book.db.all(book.q.selectFrom('claim_receipt').select('line_no').distinct().where('claim_id', '=', c.id).where('line_no', 'is not', null)).map((r) => r.line_no),
  );
  input.lines.forEach((l, i) =>
    book.db.run(
      book.q.insertInto('claim_line').values({
        claim_id: c.id,
        line_no: i + 1,
        date: l.date,
        category_id: l.categoryId,
        customer_id: l.customerId ?? null,
        department_id: l.departmentId ?? null,
        description: l.description ?? '',
        invoice_no: invoiceKey(l.invoiceNo),
        invoice_type: l.invoiceType ?? '',
        amount_fen: l.amountFen,
        tax_fen: l.taxFen ?? 0,
        receipt: l.receipt || withReceipt.has(i + 1) ? 1 : 0,
      }),
    ),
  );
  book.audit({
    action: 'claim.update',
    entity: 'claim',
    entityId: c.id,
    before: { employeeId: c.employee_id, totalFen: c.total_fen, taxFen: c.tax_fen },
    after: { employeeId: input.employeeId, lines: input.lines.length, totalFen: total, taxFen: tax, linesHash: claimLinesHash(book, c.id) },
  });
  return c.id;
}

export function deleteClaim(book: Book, id: number): boolean {
  const c = claimRecord(book, id);
  requireStatus(c, 'draft', 'delete');
  book.db.run(book.q.deleteFrom('claim').where('id', '=', id));
  book.audit({ action: 'claim.delete', entity: 'claim', entityId: id, before: { employeeId: c.employee_id, totalFen: c.total_fen } });
  return true;
}
