/**
 * What a printed voucher shows (DOMAIN.md: Vouchers): company, 凭证字号, date, 附单据 N 张,
 * lines (摘要, 科目 code and full name with 辅助核算, 借方, 贷方), 合计, 制单/审核/记账.
 * Read in one pass per query, not per voucher, so a thousand vouchers cost a few queries.
 */
import { UserError } from '../../../../shared/errors';
import type { Book } from '../../book/book';
import { voucherLabel } from '../vouchers';

export interface PrintLine {
  memo: string;
  /** "56020101 管理费用-客户管理费-拜访差旅" */
  account: string;
  /** "客户：C001 华东贸易 / 员工：张三" or '' */
  dims: string;
  debitFen: number;
  creditFen: number;
}

export interface PrintVoucher {
  id: number;
  word: string;
  no: string;
  date: string;
  attachments: number;
  maker: string;
  reviewer: string;
  poster: string;
  /** Reviewed by the action that generated it (claims, schedules …), or by its maker. */
  reviewKind: string | null;
  lines: PrintLine[];
  debitFen: number;
  creditFen: number;
}

interface HeaderRow { id: number; word: string; word_no: number | null; date: string; attachments: number; created_by: string; reviewed_by: string | null; review_kind: string | null; posted_by: string | null }
interface LineRow { voucher_id: number; memo: string; account_code: string; debit_fen: number; credit_fen: number; customer: string | null; employee: string | null; department: string | null }

/** Full names by code: the chart path joined with '-', as 金蝶 prints it. */
function accountPaths(book: Book): Map<string, string> {
  const rows = book.sqlite.prepare(`SELECT code, name FROM account`).all() as { code: string; name: string }[];
  const name = new Map(rows.map((r) => [r.code, r.name]));
  const out = new Map<string, string>();
  for (const { code } of rows) out.set(code, `${code} ${[4, 6, 8].filter((n) => n <= code.length).map((n) => name.get(code.slice(0, n)) ?? '').filter(Boolean).join('-')}`);
  return out;
}

/** People are printed by display name where the book knows one (会计 rather than accountant). */
function displayNames(book: Book): Map<string, string> {
  const rows = book.sqlite.prepare(`SELECT name, display_name FROM app_user`).all() as { name: string; display_name: string | null }[];
  return new Map(rows.map((r) => [r.name.toLowerCase(), r.display_name?.trim() || r.name]));
}

export function printVouchers(book: Book, sel: { ids?: number[] | undefined; from?: string | undefined; to?: string | undefined }): PrintVoucher[] {
  const where = sel.ids ? `v.id IN (SELECT value FROM json_each(?))` : `v.status = 'posted' AND v.period BETWEEN ? AND ?`;
  const params = sel.ids ? [JSON.stringify(sel.ids)] : [sel.from, sel.to];
  const order = `ORDER BY v.period, v.word, v.word_no IS NULL, v.word_no, v.id`;
  const headers = book.sqlite
    .prepare(`SELECT v.id, v.word, v.word_no, v.date, v.attachments, v.created_by, v.reviewed_by, v.review_kind, v.posted_by FROM voucher v WHERE ${where} ${order}`)
    .all(...params) as HeaderRow[];
  if (headers.length === 0) throw new UserError('vouchers.nothingToPrint');
  const lines = book.sqlite
    .prepare(
      `SELECT l.voucher_id, l.memo, l.account_code, l.debit_fen, l.credit_fen,
              CASE WHEN c.id IS NULL THEN NULL ELSE c.code || ' ' || c.name END AS customer, e.name AS employee, d.name AS department
         FROM voucher v JOIN voucher_line l ON l.voucher_id = v.id
         LEFT JOIN customer c ON c.id = l.customer_id LEFT JOIN employee e ON e.id = l.employee_id LEFT JOIN department d ON d.id = l.department_id
        WHERE ${where} ORDER BY l.voucher_id, l.line_no`,
    )
    .all(...params) as LineRow[];
  const byVoucher = new Map<number, PrintLine[]>();
  const paths = accountPaths(book);
  for (const l of lines) {
    const dims = [l.customer && `客户：${l.customer}`, l.employee && `员工：${l.employee}`, l.department && `部门：${l.department}`].filter(Boolean).join(' / ');
    let list = byVoucher.get(l.voucher_id);
    if (!list) byVoucher.set(l.voucher_id, (list = []));
    list.push({ memo: l.memo, account: paths.get(l.account_code) ?? l.account_code, dims, debitFen: l.debit_fen, creditFen: l.credit_fen });
  }
  const people = displayNames(book);
  const person = (n: string | null) => (n ? (people.get(n.toLowerCase()) ?? n) : '');
  return headers.map((h) => {
    const ls = byVoucher.get(h.id) ?? [];
    return {
      id: h.id,
      word: h.word,
      no: voucherLabel(h.word, h.word_no),
      date: h.date,
      attachments: h.attachments,
      maker: person(h.created_by),
      reviewer: person(h.reviewed_by),
      poster: person(h.posted_by),
      reviewKind: h.review_kind,
      lines: ls,
      debitFen: ls.reduce((s, l) => s + l.debitFen, 0),
      creditFen: ls.reduce((s, l) => s + l.creditFen, 0),
    };
  });
}
