/**
 * Editing claims by hand: a draft's lines are replaced as a whole (the screen's grid is
 * the claim), checked for what the database cannot express (positive amounts, tax within
 * the amount, real dates and categories). Submitted claims are read-only until rejected.
 */
import { UserError } from '../../../shared/errors';
import { isIsoDate } from '../../../shared/period';
import type { Book } from '../book/book';
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

export function claimRecord(book: Book, id: number): ClaimRecord {
  const c = book.sqlite
    .prepare('SELECT id, employee_id, title, status, total_fen, tax_fen, reject_reason, accrual_voucher_id, settlement_voucher_id, created_by, submitted_at FROM claim WHERE id = ?')
    .get(id) as ClaimRecord | undefined;
  if (!c) throw new UserError('claims.notFound', { id });
  return c;
}

export function requireStatus(c: ClaimRecord, status: ClaimRecord['status'], action: string): void {
  if (c.status !== status) throw new UserError('claims.badStatus', { id: c.id, status: c.status, action });
}

export function checkLines(book: Book, employeeId: number, lines: ClaimLineInput[]): void {
  if (!book.sqlite.prepare('SELECT 1 FROM employee WHERE id = ?').get(employeeId)) throw new UserError('claims.unknownEmployee', { id: employeeId });
  if (lines.length === 0) throw new UserError('claims.noLines');
  const cat = book.sqlite.prepare('SELECT 1 FROM category WHERE id = ?');
  lines.forEach((l, i) => {
    const line = i + 1;
    if (!isIsoDate(l.date)) throw new UserError('claims.badDate', { line, date: l.date });
    if (!Number.isSafeInteger(l.amountFen) || l.amountFen <= 0) throw new UserError('claims.badAmount', { line });
    const tax = l.taxFen ?? 0;
    if (!Number.isSafeInteger(tax) || tax < 0 || tax > l.amountFen) throw new UserError('claims.badTax', { line });
    if (!cat.get(l.categoryId)) throw new UserError('claims.unknownCategory', { line });
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
  book.sqlite.prepare('UPDATE claim SET employee_id = ?, title = ?, total_fen = ?, tax_fen = ? WHERE id = ?').run(input.employeeId, input.title ?? c.title, total, tax, c.id);
  book.sqlite.prepare('DELETE FROM claim_line WHERE claim_id = ?').run(c.id);
  const ins = book.sqlite.prepare(
    `INSERT INTO claim_line (claim_id, line_no, date, category_id, customer_id, department_id, description, invoice_no, invoice_type, amount_fen, tax_fen, receipt)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const withReceipt = new Set((book.sqlite.prepare('SELECT DISTINCT line_no AS n FROM claim_receipt WHERE claim_id = ? AND line_no IS NOT NULL').all(c.id) as { n: number }[]).map((r) => r.n));
  input.lines.forEach((l, i) =>
    ins.run(c.id, i + 1, l.date, l.categoryId, l.customerId ?? null, l.departmentId ?? null, l.description ?? '', invoiceKey(l.invoiceNo), l.invoiceType ?? '', l.amountFen, l.taxFen ?? 0, l.receipt || withReceipt.has(i + 1) ? 1 : 0),
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
  book.sqlite.prepare('DELETE FROM claim WHERE id = ?').run(id);
  book.audit({ action: 'claim.delete', entity: 'claim', entityId: id, before: { employeeId: c.employee_id, totalFen: c.total_fen } });
  return true;
}
