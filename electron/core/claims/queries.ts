/** Reading claims for the screens, the CLI and reports. */
import type { ClaimLineRow, ClaimListRow, ClaimStatus, Option, ReceiptRow } from '../../../shared/contract/claims';
import { sql } from 'kysely';
import type { Book } from '../book/book';
import { builder, type Row } from '../db/query';
import { precompiled } from '../db/precompiled';
import { requiredLevels, currentApprovals } from './chain';
import { inputTax } from '../vat/input';
import { message } from '../../../shared/messages/index';

/** Compiled once (db/precompiled.ts): submit and every approval read the lines for the policy. */
const linesQuery = precompiled(
  (claimId: number) =>
    builder
      .selectFrom('claim_line as l')
      .innerJoin('category as c', 'c.id', 'l.category_id')
      .leftJoin('customer as cu', 'cu.id', 'l.customer_id')
      .select([
        'l.line_no',
        'l.date',
        'l.category_id',
        'c.name as category_name',
        'c.name_en as category_en',
        'c.code as category_code',
        'c.account_code',
        'l.customer_id',
        'cu.name as customer_name',
        'l.department_id',
        'l.description',
        'l.invoice_no',
        'l.invoice_type',
        'l.amount_fen',
        'l.tax_fen',
        'l.receipt',
      ])
      .where('l.claim_id', '=', claimId)
      .orderBy('l.line_no'),
  1,
);

export function claimLines(book: Book, claimId: number, locale: 'zh-CN' | 'en' = 'zh-CN'): ClaimLineRow[] {
  const rows = book.db.all(linesQuery(claimId));
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

const selectList = (book: Book) =>
  book.q
    .selectFrom('claim as c')
    .innerJoin('employee as e', 'e.id', 'c.employee_id')
    .select((eb) => [
      'c.id',
      'c.employee_id',
      'e.name as employee_name',
      'c.title',
      'c.status',
      'c.total_fen',
      'c.tax_fen',
      eb.selectFrom('claim_line as l').select(sql<number>`COUNT(*)`.as('n')).whereRef('l.claim_id', '=', 'c.id').$asScalar().$notNull().as('lines'),
      'c.created_at',
      'c.submitted_at',
      'c.approved_at',
      'c.paid_at',
      'c.reject_reason',
    ]);

type ListRecord = Row<ReturnType<typeof selectList>>;

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
  let q = selectList(book);
  if (filter.status) q = q.where('c.status', '=', filter.status);
  if (filter.employeeId) q = q.where('c.employee_id', '=', filter.employeeId);
  return book.db.all(q.orderBy('c.id', 'desc').limit(2000)).map((r) => toListRow(book, r));
}

export function claimListRow(book: Book, id: number): ClaimListRow {
  return toListRow(book, book.db.first(selectList(book).where('c.id', '=', id)) as ListRecord);
}

export function claimReceipts(book: Book, claimId: number): ReceiptRow[] {
  return book.db.all(book.q.selectFrom('claim_receipt').select(['id', 'line_no', 'file_name', 'size', 'added_at', 'added_by']).where('claim_id', '=', claimId).orderBy('id')).map((r) => ({ id: r.id, lineNo: r.line_no, fileName: r.file_name, size: r.size, addedAt: r.added_at, addedBy: r.added_by }));
}

/** Pick lists for the claim editor. */
export function claimOptions(book: Book, locale: 'zh-CN' | 'en'): { employees: Option[]; categories: Option[]; customers: Option[]; departments: Option[] } {
  return {
    employees: book.db.all(book.q.selectFrom('employee').select(['id', 'code', 'name']).where('active', '=', 1).orderBy('code')),
    categories: book.db.all(
      book.q
        .selectFrom('category')
        .select((eb) => ['id', 'code', eb.ref(locale === 'en' ? 'name_en' : 'name').as('name'), sql<string>`CASE is_client WHEN 1 THEN 'client' ELSE '' END`.as('extra')])
        .where('active', '=', 1)
        .orderBy('id'),
    ),
    customers: book.db.all(book.q.selectFrom('customer').select(['id', 'code', 'name', 'tier as extra']).where('active', '=', 1).orderBy('code')),
    departments: book.db.all(book.q.selectFrom('department').select(['id', 'code', 'name']).where('active', '=', 1).orderBy('code')),
  };
}
