/**
 * Creating a claim (draft) with its lines: used by the claim screen and by imports.
 * Runs inside the caller's transaction. Invoice numbers are stored normalized (width,
 * spaces, case) so the duplicate-invoice rule is one indexed lookup.
 */
import type { Book } from '../book/book';
import { invoiceKey } from '../policy/rules';
import { claimLinesHash } from './lines-hash';

export interface ClaimLineInput {
  date: string;
  categoryId: number;
  customerId?: number | null;
  departmentId?: number | null;
  description?: string;
  invoiceNo?: string | null;
  invoiceType?: string;
  amountFen: number;
  taxFen?: number;
  receipt?: boolean;
}

export interface ClaimInput {
  employeeId: number;
  title?: string;
  batchId?: number | null;
  lines: ClaimLineInput[];
}

export function createClaim(book: Book, input: ClaimInput): number {
  const total = input.lines.reduce((s, l) => s + l.amountFen, 0);
  const tax = input.lines.reduce((s, l) => s + (l.taxFen ?? 0), 0);
  const id = Number(
    book.sqlite
      .prepare(
        `INSERT INTO claim (employee_id, title, status, total_fen, tax_fen, batch_id, created_at, created_by)
         VALUES (?, ?, 'draft', ?, ?, ?, ?, ?)`,
      )
      .run(input.employeeId, input.title ?? '', total, tax, input.batchId ?? null, new Date().toISOString(), book.user).lastInsertRowid,
  );
  const line = book.sqlite.prepare(
    `INSERT INTO claim_line (claim_id, line_no, date, category_id, customer_id, department_id, description, invoice_no, invoice_type, amount_fen, tax_fen, receipt)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  input.lines.forEach((l, i) =>
    line.run(id, i + 1, l.date, l.categoryId, l.customerId ?? null, l.departmentId ?? null, l.description ?? '', invoiceKey(l.invoiceNo), l.invoiceType ?? '', l.amountFen, l.taxFen ?? 0, l.receipt ? 1 : 0),
  );
  book.audit({ action: 'claim.create', entity: 'claim', entityId: id, after: { employeeId: input.employeeId, lines: input.lines.length, totalFen: total, batchId: input.batchId ?? null, linesHash: claimLinesHash(book, id) } });
  return id;
}
