/** Reads for the voucher screens: one voucher with names, the voucher list, the periods. */
import type { PeriodRow, VoucherDto, VoucherListRow, VoucherStatus } from '../../../shared/contract/ledger';
import type { Page } from '../../../shared/contract/define';
import { addMonths, isPeriod, type Period } from '../../../shared/period';
import type { Book } from '../book/book';
import { voucherHeader, voucherLabel } from './vouchers';
import { thisPeriodLocal } from '../../../shared/today';
import { exactFen, sumFen } from '../reports/exact';

/** Status as the screens show it: a draft with a review stamp is 已审核. */
const shownStatus = (status: 'draft' | 'posted', reviewedBy: string | null): VoucherStatus => (status === 'posted' ? 'posted' : reviewedBy !== null ? 'reviewed' : 'draft');

/** The header columns both reads select, as the contract names them. */
const HEADER = `v.id, v.period, v.number, v.date, v.status, v.memo, v.reverses_id AS reversesId, v.word, v.word_no AS wordNo, v.attachments,
  v.created_by AS maker, v.reviewed_by AS reviewer, v.review_kind AS reviewKind, v.posted_by AS poster`;
type HeaderRow = Omit<VoucherDto, 'no' | 'status' | 'lines' | 'debitFen' | 'creditFen' | 'reversedById'> & { status: 'draft' | 'posted' };
const withStatus = <T extends HeaderRow>(r: T) => ({ ...r, status: shownStatus(r.status, r.reviewer), no: voucherLabel(r.word, r.wordNo) });

export function voucherDto(book: Book, id: number): VoucherDto {
  voucherHeader(book, id);
  const h = withStatus(book.sqlite.prepare(`SELECT ${HEADER} FROM voucher v WHERE v.id = ?`).get(id) as HeaderRow);
  const lines = book.sqlite
    .prepare(
      `SELECT l.line_no AS lineNo, l.account_code AS account, a.name AS accountName, l.debit_fen AS debitFen, l.credit_fen AS creditFen, l.memo,
              l.customer_id AS customerId, c.name AS customerName, l.employee_id AS employeeId, e.name AS employeeName,
              l.department_id AS departmentId, d.name AS departmentName, l.category_id AS categoryId
         FROM voucher_line l JOIN account a ON a.code = l.account_code
         LEFT JOIN customer c ON c.id = l.customer_id LEFT JOIN employee e ON e.id = l.employee_id LEFT JOIN department d ON d.id = l.department_id
        WHERE l.voucher_id = ? ORDER BY l.line_no`,
    )
    .all(id) as VoucherDto['lines'];
  const reversedBy = book.sqlite.prepare(`SELECT id FROM voucher WHERE reverses_id = ?`).get(id) as { id: number } | undefined;
  return {
    ...h,
    reversedById: reversedBy?.id ?? null,
    debitFen: sumFen(lines.map((l) => l.debitFen), 'voucher'),
    creditFen: sumFen(lines.map((l) => l.creditFen), 'voucher'),
    lines,
  };
}

/** Newest first (by id); the cursor is the last id seen. */
export function pageVouchers(book: Book, req: { period?: string | undefined; status?: VoucherStatus | undefined; after?: string | null | undefined; limit: number }): Page<VoucherListRow> {
  const where: string[] = [];
  const params: unknown[] = [];
  const add = (clause: string, value: unknown) => {
    where.push(clause);
    params.push(value);
  };
  if (req.period) add('v.period = ?', req.period);
  if (req.status === 'posted') add('v.status = ?', 'posted');
  else if (req.status) where.push(`v.status = 'draft' AND v.reviewed_by IS ${req.status === 'reviewed' ? 'NOT ' : ''}NULL`);
  if (req.after) add('v.id < ?', Number(req.after));
  const rows = book.sqlite
    .prepare(
      `SELECT ${HEADER},
              (SELECT r.id FROM voucher r WHERE r.reverses_id = v.id) AS reversedById,
              (SELECT CAST(COALESCE(SUM(l.debit_fen), 0) AS TEXT) FROM voucher_line l WHERE l.voucher_id = v.id) AS debitText,
              (SELECT COUNT(*) FROM voucher_line l WHERE l.voucher_id = v.id) AS lineCount
         FROM voucher v ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY v.id DESC LIMIT ?`,
    )
    .all(...params, req.limit + 1) as (HeaderRow & { reversedById: number | null; debitText: string; lineCount: number })[];
  // The total as text, to BigInt: a voucher's 1,000 lines can pass 2^53 fen, where the number SQLite hands back would be a fen off
  // (its ≤ 1,000 lines of ≤ 10^15 fen stay inside SUM()'s int64).
  const page = rows.slice(0, req.limit).map(({ debitText, ...r }) => withStatus({ ...r, debitFen: exactFen(BigInt(debitText), 'voucher') }));
  return { rows: page, next: rows.length > req.limit ? String(page.at(-1)!.id) : null };
}

/** Every month from the book's first period to the later of today and the last used period. */
export function listPeriods(book: Book, today = thisPeriodLocal()): PeriodRow[] {
  const stored = book.sqlite
    .prepare(
      `SELECT p.period, p.status, p.closed_at AS closedAt, p.closed_by AS closedBy,
              (SELECT COUNT(*) FROM voucher v WHERE v.period = p.period AND v.status = 'posted') AS posted,
              (SELECT COUNT(*) FROM voucher v WHERE v.period = p.period AND v.status = 'draft') AS drafts
         FROM period p ORDER BY p.period`,
    )
    .all() as PeriodRow[];
  const byPeriod = new Map(stored.map((r) => [r.period, r]));
  const first = book.meta('first_period') ?? stored[0]?.period ?? today;
  const last = [today, stored.at(-1)?.period ?? today].sort().at(-1)!;
  const out: PeriodRow[] = [];
  if (isPeriod(first) && isPeriod(last)) {
    for (let p: Period = first; p <= last; p = addMonths(p, 1)) out.push(byPeriod.get(p) ?? { period: p, status: 'open', closedAt: null, closedBy: null, posted: 0, drafts: 0 });
  }
  return out.reverse();
}
