/**
 * The claim's two vouchers (docs/domain.md: Standard entries 2), posted through the ledger's
 * rules. Accrual at final approval (one voucher per month of expense dates): Dr each
 * line's category account (net of deductible VAT) with customer, employee, department
 * and category; Dr 应交税费-应交增值税-进项税额 for the deductible VAT; Cr 其他应付款 with the
 * employee for the total. Settlement at payment:
 * Dr 其他应付款 / Cr 银行存款. Amounts on claim lines include VAT (what the employee paid);
 * a line's tax_fen is the tax its invoice states, and what of it (or of a ticket's fare) is
 * deductible is decided here, at posting, by the invoice type (vat/input.ts).
 */
import type { Book } from '../book/book';
import { builder } from '../db/query';
import { precompiled } from '../db/precompiled';
import { bookVoucher } from '../ledger/vouchers';
import { periodStatus } from '../ledger/periods';
import type { LineInput } from '../ledger/voucher-rules';
import { todayLocal } from '../../../shared/today';
import { inputTax } from '../vat/input';

interface ClaimHead {
  id: number;
  employee_id: number;
  total_fen: number;
  title: string;
}

interface PostLine {
  date: string;
  category_id: number;
  account_code: string;
  customer_id: number | null;
  department_id: number | null;
  description: string;
  invoice_no: string | null;
  invoice_type: string;
  category_code: string;
  amount_fen: number;
  tax_fen: number;
}

/* Compiled once (db/precompiled.ts): each approval and payment posts through them. */
const employeeQuery = precompiled((id: number) => builder.selectFrom('employee').select(['name', 'department_id']).where('id', '=', id), 1);
const postLinesQuery = precompiled(
  (claimId: number) =>
    builder
      .selectFrom('claim_line as l')
      .innerJoin('category as c', 'c.id', 'l.category_id')
      .select(['l.date', 'l.category_id', 'c.account_code', 'c.code as category_code', 'l.customer_id', 'l.department_id', 'l.description', 'l.invoice_no', 'l.invoice_type', 'l.amount_fen', 'l.tax_fen'])
      .where('l.claim_id', '=', claimId)
      .orderBy('l.line_no'),
  1,
);

const employeeOf = (book: Book, id: number) => book.db.first(employeeQuery(id))!;

/**
 * Each month's lines are accrued on that month's latest expense date, so expenses (and the
 * budgets that read them) land in the month they were incurred. A month that is closed,
 * or before the book starts, is booked today, in the current period, as an accountant
 * books a late claim. Almost every claim is one month: one voucher.
 */
function accrualDate(book: Book, lines: { date: string }[]): { date: string; moved: 'closed' | 'beforeStart' | null } {
  const latest = lines.reduce((m, l) => (l.date > m ? l.date : m), lines[0]!.date);
  const first = book.meta('first_period') ?? '';
  const period = latest.slice(0, 7);
  if (period < first) return { date: todayLocal(), moved: 'beforeStart' };
  if (periodStatus(book, period) === 'closed') return { date: todayLocal(), moved: 'closed' };
  return { date: latest, moved: null };
}

/** The accrual voucher(s) final approval would post, by expense month: date, and why it moved. Shown before approving. */
export function accrualPlan(book: Book, claimId: number): { month: string; date: string; moved: 'closed' | 'beforeStart' | null }[] {
  const dates = book.db.all(book.q.selectFrom('claim_line').select('date').where('claim_id', '=', claimId).orderBy('date'));
  const byMonth = new Map<string, { date: string }[]>();
  for (const d of dates) byMonth.set(d.date.slice(0, 7), [...(byMonth.get(d.date.slice(0, 7)) ?? []), d]);
  return [...byMonth.keys()].sort().map((month) => ({ month, ...accrualDate(book, byMonth.get(month)!) }));
}

function accrualLines(book: Book, claim: ClaimHead, emp: { department_id: number | null }, lines: PostLine[], memo: string): LineInput[] {
  const out: LineInput[] = [];
  const vatOf = inputTax(book);
  let tax = 0;
  for (const l of lines) {
    const { taxFen } = vatOf({ categoryCode: l.category_code, accountCode: l.account_code, invoiceType: l.invoice_type, invoiceNo: l.invoice_no, amountFen: l.amount_fen, statedTaxFen: l.tax_fen });
    tax += taxFen;
    const net = l.amount_fen - taxFen;
    if (net === 0) continue;
    out.push({
      account: l.account_code,
      debitFen: net,
      memo: `${memo} ${l.description}`.trim(),
      customerId: l.customer_id,
      employeeId: claim.employee_id,
      departmentId: l.department_id ?? emp.department_id,
      categoryId: l.category_id,
    });
  }
  const total = lines.reduce((s, l) => s + l.amount_fen, 0);
  if (tax > 0) out.push({ account: book.account('inputVat'), debitFen: tax, memo: `${memo} 进项税额`, employeeId: claim.employee_id });
  out.push({ account: book.account('otherPayable'), creditFen: total, memo, employeeId: claim.employee_id, departmentId: emp.department_id });
  return out;
}

/** Posts the accrual voucher(s); returns the last one (the claim keeps it) and all labels. */
export function postAccrual(book: Book, claim: ClaimHead): { id: number; label: string } {
  const lines: PostLine[] = book.db.all(postLinesQuery(claim.id));
  const emp = employeeOf(book, claim.employee_id);
  const memo = `报销 #${claim.id} ${emp.name}${claim.title ? ` ${claim.title}` : ''}`;
  const byMonth = new Map<string, PostLine[]>();
  for (const l of lines) byMonth.set(l.date.slice(0, 7), [...(byMonth.get(l.date.slice(0, 7)) ?? []), l]);
  const posted: { id: number; label: string }[] = [];
  for (const month of [...byMonth.keys()].sort()) {
    const group = byMonth.get(month)!;
    const v = bookVoucher(book, { date: accrualDate(book, group).date, memo, lines: accrualLines(book, claim, emp, group, memo), source: { type: 'claim', id: claim.id } });
    posted.push({ id: v.id, label: v.cited });
  }
  return { id: posted[posted.length - 1]!.id, label: posted.map((p) => p.label).join(', ') };
}

/** Dr 其他应付款 / Cr the bank or cash account the user paid from, on the payment date. */
export function postSettlement(book: Book, claim: ClaimHead, date: string, account: string = book.account('bank')): { id: number; label: string } {
  const emp = employeeOf(book, claim.employee_id);
  const memo = `支付报销 #${claim.id} ${emp.name}`;
  const v = bookVoucher(book, {
    date,
    memo,
    lines: [
      { account: book.account('otherPayable'), debitFen: claim.total_fen, memo, employeeId: claim.employee_id, departmentId: emp.department_id },
      { account, creditFen: claim.total_fen, memo },
    ],
    source: { type: 'claim', id: claim.id },
  });
  return { id: v.id, label: v.cited };
}
