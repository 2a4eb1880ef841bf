/**
 * What a printed voucher shows (docs/domain.md: Vouchers): company, 凭证字号, date, 附单据 N 张,
 * lines (摘要, 科目 code and full name with 辅助核算, 借方, 贷方), 合计, 制单/审核/记账.
 * Read in one pass per query, not per voucher, so a thousand vouchers cost a few queries.
 */
import { UserError } from '../../../../shared/errors';
import { sql, type ExpressionBuilder } from 'kysely';
import type { Book } from '../../book/book';
import type { DB } from '../../db/schema/index';
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
  const rows = book.db.all(book.q.selectFrom('account').select(['code', 'name']));
  const name = new Map(rows.map((r) => [r.code, r.name]));
  const out = new Map<string, string>();
  for (const { code } of rows) out.set(code, `${code} ${[4, 6, 8].filter((n) => n <= code.length).map((n) => name.get(code.slice(0, n)) ?? '').filter(Boolean).join('-')}`);
  return out;
}

/** People are printed by display name where the book knows one (会计 rather than accountant). */
function displayNames(book: Book): Map<string, string> {
  const rows: { name: string; display_name: string | null }[] = book.db.all(book.q.selectFrom('app_user').select(['name', 'display_name']));
  return new Map(rows.map((r) => [r.name.toLowerCase(), r.display_name?.trim() || r.name]));
}

export function printVouchers(book: Book, sel: { ids?: number[] | undefined; from?: string | undefined; to?: string | undefined }): PrintVoucher[] {
  // The chosen vouchers: by id (a JSON array, one parameter however many), or the posted ones of a range (status a
  // literal, as it was: a bound value against a partial index's WHERE makes SQLite re-prepare at every call).
  const chosen = (eb: ExpressionBuilder<DB & { v: DB['voucher'] }, 'v'>) =>
    sel.ids
      ? eb('v.id', 'in', sql<number>`(SELECT value FROM json_each(${JSON.stringify(sel.ids)}))`)
      : eb.and([eb('v.status', '=', sql.lit('posted')), eb.between('v.period', sel.from!, sel.to!)]);
  const headers: HeaderRow[] = book.db.all(
    book.q
      .selectFrom('voucher as v')
      .select(['v.id', 'v.word', 'v.word_no', 'v.date', 'v.attachments', 'v.created_by', 'v.reviewed_by', 'v.review_kind', 'v.posted_by'])
      .where(chosen)
      .orderBy('v.period')
      .orderBy('v.word')
      .orderBy(sql`v.word_no IS NULL`)
      .orderBy('v.word_no')
      .orderBy('v.id'),
  );
  if (headers.length === 0) throw new UserError('vouchers.nothingToPrint');
  const lines: LineRow[] = book.db.all(
    book.q
      .selectFrom('voucher as v')
      .innerJoin('voucher_line as l', 'l.voucher_id', 'v.id')
      .leftJoin('customer as c', 'c.id', 'l.customer_id')
      .leftJoin('employee as e', 'e.id', 'l.employee_id')
      .leftJoin('department as d', 'd.id', 'l.department_id')
      .select([
        'l.voucher_id',
        'l.memo',
        'l.account_code',
        'l.debit_fen',
        'l.credit_fen',
        sql<string | null>`CASE WHEN c.id IS NULL THEN NULL ELSE c.code || ' ' || c.name END`.as('customer'),
        'e.name as employee',
        'd.name as department',
      ])
      .where(chosen)
      .orderBy('l.voucher_id')
      .orderBy('l.line_no'),
  );
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
