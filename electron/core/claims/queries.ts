/** Reading claims for the screens, the CLI and reports. */
import type { ClaimLineRow, ClaimListRow, ClaimStatus, Option, ReceiptRow } from '../../../shared/contract/claims';
import type { Selectable } from 'kysely';
import type { Book } from '../book/book';
import type { ClaimLineTable } from '../db/schema/claim';
import { requiredLevels, currentApprovals } from './chain';
import { inputTax } from '../vat/input';
import { message } from '../../../shared/messages/index';

/** A claim line as claimLines selects it: the stored columns plus the names joined in. */
type LineRecord = Omit<Selectable<ClaimLineTable>, 'id' | 'claim_id'> & { category_name: string; category_en: string; category_code: string; account_code: string; customer_name: string | null };

export function claimLines(book: Book, claimId: number, locale: 'zh-CN' | 'en' = 'zh-CN'): ClaimLineRow[] {
  const rows = book.sqlite
    .prepare(
      `SELECT l.line_no, l.date, l.category_id, c.name AS category_name, c.name_en AS category_en, c.code AS category_code, c.account_code, l.customer_id, cu.name AS customer_name,
              l.department_id, l.description, l.invoice_no, l.invoice_type, l.amount_fen, l.tax_fen, l.receipt
         FROM claim_line l JOIN category c ON c.id = l.category_id LEFT JOIN customer cu ON cu.id = l.customer_id
        WHERE l.claim_id = ? ORDER BY l.line_no`,
    )
    .all(claimId) as LineRecord[];
  const vatOf = inputTax(book);
  return rows.map((r) => {
    const vat = vatOf({ categoryCode: r.category_code, accountCode: r.account_code, invoiceType: r.invoice_type, invoiceNo: r.invoice_no, amountFen: r.amount_fen, statedTaxFen: r.tax_fen });
    return {
      lineNo: r.line_no,
      date: r.date,
      categoryId: r.category_id,
      categoryName: locale === 'en' ? r.category_en : r.category_name,
      customerId: r.customer_id,
      customerName: r.customer_name,
      departmentId: r.department_id,
      description: r.description,
      invoiceNo: r.invoice_no,
      invoiceType: r.invoice_type,
      amountFen: r.amount_fen,
      taxFen: r.tax_fen,
      deductibleTaxFen: vat.taxFen,
      vatNote: vat.note ? message(locale, `vat.note.${vat.note}`) : null,
      receipt: r.receipt === 1,
    };
  });
}

interface ListRecord {
  id: number;
  employee_id: number;
  employee_name: string;
  title: string;
  status: ClaimStatus;
  total_fen: number;
  tax_fen: number;
  lines: number;
  created_at: string;
  submitted_at: string | null;
  approved_at: string | null;
  paid_at: string | null;
  reject_reason: string | null;
}

const LIST_SQL = `SELECT c.id, c.employee_id, e.name AS employee_name, c.title, c.status, c.total_fen, c.tax_fen,
                         (SELECT COUNT(*) FROM claim_line l WHERE l.claim_id = c.id) AS lines,
                         c.created_at, c.submitted_at, c.approved_at, c.paid_at, c.reject_reason
                    FROM claim c JOIN employee e ON e.id = c.employee_id`;

function toListRow(book: Book, r: ListRecord): ClaimListRow {
  const pending = r.status === 'submitted' ? (requiredLevels(book, r.total_fen)[currentApprovals(book, r.id).length]?.role ?? null) : null;
  return {
    id: r.id,
    employeeId: r.employee_id,
    employeeName: r.employee_name,
    title: r.title,
    status: r.status,
    totalFen: r.total_fen,
    taxFen: r.tax_fen,
    lines: r.lines,
    createdAt: r.created_at,
    submittedAt: r.submitted_at,
    approvedAt: r.approved_at,
    paidAt: r.paid_at,
    rejectReason: r.reject_reason,
    pendingRole: pending,
  };
}

/** Claims newest first; a screenful is a few hundred, so no paging (capped at 2,000). */
export function listClaims(book: Book, filter: { status?: ClaimStatus | undefined; employeeId?: number | undefined }): ClaimListRow[] {
  const where: string[] = [];
  const params: (string | number)[] = [];
  if (filter.status) {
    where.push('c.status = ?');
    params.push(filter.status);
  }
  if (filter.employeeId) {
    where.push('c.employee_id = ?');
    params.push(filter.employeeId);
  }
  const sql = `${LIST_SQL}${where.length ? ` WHERE ${where.join(' AND ')}` : ''} ORDER BY c.id DESC LIMIT 2000`;
  return (book.sqlite.prepare(sql).all(...params) as ListRecord[]).map((r) => toListRow(book, r));
}

export function claimListRow(book: Book, id: number): ClaimListRow {
  return toListRow(book, book.sqlite.prepare(`${LIST_SQL} WHERE c.id = ?`).get(id) as ListRecord);
}

export function claimReceipts(book: Book, claimId: number): ReceiptRow[] {
  return (
    book.sqlite.prepare('SELECT id, line_no, file_name, size, added_at, added_by FROM claim_receipt WHERE claim_id = ? ORDER BY id').all(claimId) as {
      id: number;
      line_no: number | null;
      file_name: string;
      size: number;
      added_at: string;
      added_by: string;
    }[]
  ).map((r) => ({ id: r.id, lineNo: r.line_no, fileName: r.file_name, size: r.size, addedAt: r.added_at, addedBy: r.added_by }));
}

/** Pick lists for the claim editor. */
export function claimOptions(book: Book, locale: 'zh-CN' | 'en'): { employees: Option[]; categories: Option[]; customers: Option[]; departments: Option[] } {
  const q = (sql: string) => book.sqlite.prepare(sql).all() as Option[];
  return {
    employees: q(`SELECT id, code, name FROM employee WHERE active = 1 ORDER BY code`),
    categories: q(`SELECT id, code, ${locale === 'en' ? 'name_en' : 'name'} AS name, CASE is_client WHEN 1 THEN 'client' ELSE '' END AS extra FROM category WHERE active = 1 ORDER BY id`),
    customers: q(`SELECT id, code, name, tier AS extra FROM customer WHERE active = 1 ORDER BY code`),
    departments: q(`SELECT id, code, name FROM department WHERE active = 1 ORDER BY code`),
  };
}
