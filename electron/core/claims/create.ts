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
  const claim = openClaim(book, input);
  for (const l of input.lines) claim.add(l);
  return claim.close();
}

/** Lines per INSERT statement: one call into SQLite per 50 lines instead of per line. */
const ROWS = 50;
const TUPLE = '(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)';
const lineSql = (n: number) =>
  `INSERT INTO claim_line (claim_id, line_no, date, category_id, customer_id, department_id, description, invoice_no, invoice_type, amount_fen, tax_fen, receipt)
   VALUES ${Array.from({ length: n }, () => TUPLE).join(', ')}`;

export interface OpenClaim {
  id: number;
  add(line: ClaimLineInput): void;
  /** Writes the remaining lines and the totals, audits the claim; returns its id. */
  close(): number;
}

/**
 * createClaim line by line, for an import that streams 200,000 lines into a dozen claims
 * and must not hold them all: the claim row is written first, its lines as they come,
 * its totals and the audit record at close — the same rows and audit as createClaim.
 */
export function openClaim(book: Book, input: Omit<ClaimInput, 'lines'>): OpenClaim {
  const s = book.sqlite;
  const id = Number(
    s
      .prepare(
        `INSERT INTO claim (employee_id, title, status, total_fen, tax_fen, batch_id, created_at, created_by)
         VALUES (?, ?, 'draft', 0, 0, ?, ?, ?)`,
      )
      .run(input.employeeId, input.title ?? '', input.batchId ?? null, new Date().toISOString(), book.user).lastInsertRowid,
  );
  const bulk = s.prepare(lineSql(ROWS));
  let params: unknown[] = [];
  let count = 0;
  let total = 0;
  let tax = 0;
  const flush = () => {
    if (params.length === 0) return;
    if (params.length === ROWS * 12) bulk.run(params);
    else s.prepare(lineSql(params.length / 12)).run(params);
    params = [];
  };
  return {
    id,
    add(l) {
      count++;
      total += l.amountFen;
      tax += l.taxFen ?? 0;
      params.push(id, count, l.date, l.categoryId, l.customerId ?? null, l.departmentId ?? null, l.description ?? '', invoiceKey(l.invoiceNo), l.invoiceType ?? '', l.amountFen, l.taxFen ?? 0, l.receipt ? 1 : 0);
      if (params.length === ROWS * 12) flush();
    },
    close() {
      flush();
      s.prepare('UPDATE claim SET total_fen = ?, tax_fen = ? WHERE id = ?').run(total, tax, id);
      book.audit({ action: 'claim.create', entity: 'claim', entityId: id, after: { employeeId: input.employeeId, lines: count, totalFen: total, batchId: input.batchId ?? null, linesHash: claimLinesHash(book, id) } });
      return id;
    },
  };
}
