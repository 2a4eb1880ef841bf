/**
 * Claims audit (报销稽核): policy violations of claims in the range, invoice numbers used
 * more than once, claims approved above the top approval threshold, and the approval
 * timeline (each step with the hours since the step before).
 */
import { sql } from 'kysely';
import { formatFen } from '../../../shared/money';
import { lastDay, type Period } from '../../../shared/period';
import type { ReportRow } from '../../../shared/report';
import { defineReport } from '../reports/define';
import { exactFen, sumFen } from '../reports/exact';
import { approvalLevels } from './chain';
import { claimRecord } from './edit';
import { claimLines } from './queries';
import { claimViolations } from './workflow';
import { message, type MessageCode } from '../../../shared/messages/index';
import { ledgerHasInvoices, matchMessage, matchPeriod } from '../invoices/match';

export const claimsAuditReport = defineReport({
  name: 'claims-audit',
  title: { 'zh-CN': '报销稽核', en: 'Claims audit' },
  run(book, { from, to, filters, locale }) {
    const start = `${from}-01`;
    const end = lastDay(to as Period);
    const emp = filters.employeeId;
    let claimsQuery = book.q
      .selectFrom('claim as c')
      .innerJoin('employee as e', 'e.id', 'c.employee_id')
      .select(['c.id', 'c.status', 'c.total_fen', 'c.approved_at', 'e.name as employee'])
      .where((eb) => eb.exists(eb.selectFrom('claim_line as l').select('l.id').whereRef('l.claim_id', '=', 'c.id').where((eb) => eb.between('l.date', start, end))));
    if (emp) claimsQuery = claimsQuery.where('c.employee_id', '=', emp);
    const claims = book.db.all(claimsQuery.orderBy('c.id'));
    const status = (s: string) => (locale === 'en' ? s : ({ draft: '草稿', submitted: '审批中', approved: '已审批', paid: '已付款' } as Record<string, string>)[s] ?? s);

    const violations: ReportRow[] = [];
    for (const c of claims) {
      const lines = claimLines(book, c.id, locale);
      for (const v of claimViolations(book, claimRecord(book, c.id), locale)) {
        const l = lines[v.line]!;
        violations.push({
          claim: c.id,
          employee: c.employee,
          status: status(c.status),
          line: l.lineNo,
          date: l.date,
          category: l.categoryName,
          amountFen: l.amountFen,
          action: v.action === 'block' ? message(locale, 'claims.report.block') : message(locale, 'claims.report.warn'),
          message: v.message,
        });
      }
    }

    // SQLite's exact int64 sum as BigInt, a number only when exact (reports/exact.ts).
    const duplicates = book.db
      .allExact(
        book.q
          .selectFrom('claim_line as l')
          .innerJoin('claim as c', 'c.id', 'l.claim_id')
          .innerJoin('employee as e', 'e.id', 'c.employee_id')
          .select((eb) => [
            'l.invoice_no as invoice',
            eb.fn.countAll<number>().as('n'),
            sql<string>`GROUP_CONCAT(DISTINCT '#' || l.claim_id)`.as('claims'),
            sql<string>`GROUP_CONCAT(DISTINCT e.name)`.as('employees'),
            eb.fn.sum<number>('l.amount_fen').as('total'),
          ])
          .where('l.invoice_no', 'in', (eb) => eb.selectFrom('claim_line').select('invoice_no').where('invoice_no', 'is not', null).where((eb) => eb.between('date', start, end)))
          .groupBy('l.invoice_no')
          .having((eb) => eb.fn.countAll(), '>', 1)
          .orderBy('l.invoice_no'),
      )
      .map((d) => ({ invoice: d.invoice!, count: Number(d.n), claims: d.claims, employees: d.employees, amountFen: exactFen(d.total, 'claims') }));

    const threshold = Math.max(0, ...approvalLevels(book).map((l) => l.aboveFen));
    const approvers = (claimId: number) =>
      book.db.first(
        book.q
          .selectFrom('claim_step')
          .select(sql<string | null>`GROUP_CONCAT(user || '(' || role || ')', ', ')`.as('who'))
          .where('claim_id', '=', claimId)
          .where('action', '=', 'approve'),
      )!.who ?? '';
    const large = claims
      .filter((c) => c.approved_at !== null && c.total_fen > threshold)
      .map((c) => ({ claim: c.id, employee: c.employee, amountFen: c.total_fen, approvedAt: c.approved_at!.slice(0, 10), approvers: approvers(c.id) }));

    const ACTION: Record<string, MessageCode> = { submit: 'claims.report.action.submit', approve: 'claims.report.action.approve', reject: 'claims.report.action.reject', pay: 'claims.report.action.pay' };
    const ROLE: Record<string, MessageCode> = { manager: 'claims.report.role.manager', finance: 'claims.report.role.finance', gm: 'claims.report.role.gm', accountant: 'claims.report.role.accountant', approver: 'claims.report.role.approver', admin: 'claims.report.role.admin' };
    const label = (table: Record<string, MessageCode>, k: string) => (table[k] ? message(locale, table[k]) : k);
    const timeline: ReportRow[] = [];
    const steps = (claimId: number) => book.db.all(book.q.selectFrom('claim_step').select(['action', 'role', 'user', 'at', 'comment']).where('claim_id', '=', claimId).orderBy('id'));
    for (const c of claims) {
      let prev: string | null = null;
      for (const s of steps(c.id)) {
        timeline.push({
          claim: c.id,
          employee: c.employee,
          at: s.at.replace('T', ' ').slice(0, 16),
          action: label(ACTION, s.action),
          role: label(ROLE, s.role),
          user: s.user,
          hours: prev === null ? null : Math.round((Date.parse(s.at) - Date.parse(prev)) / 36_000) / 100,
          comment: s.comment,
        });
        prev = s.at;
      }
    }

    // Every claim line whose invoice is not matched (invoices/match.ts), matched now, on demand. Before the
    // ledger holds invoices only a second use of an invoice can be told (every line would be "missing").
    const withLedger = ledgerHasInvoices(book);
    const byClaim = new Map(claims.map((c) => [c.id, c]));
    const STATUS: Record<string, MessageCode> = { missing: 'claims.report.status.missing', amountDiffers: 'claims.report.status.amountDiffers', buyerDiffers: 'claims.report.status.buyerDiffers', voided: 'claims.report.status.voided', reused: 'claims.report.status.reused' };
    const amountOf = (claimId: number, lineNo: number) =>
      book.db.first(book.q.selectFrom('claim_line').select('amount_fen').where('claim_id', '=', claimId).where('line_no', '=', lineNo))!.amount_fen;
    const unmatched: ReportRow[] = matchPeriod(book, from, to)
      .filter((m) => (withLedger ? m.status !== 'matched' : m.status === 'reused') && byClaim.has(m.claimId))
      .map((m) => {
        const amountFen = amountOf(m.claimId, m.line);
        const why = matchMessage(m, amountFen);
        return { claim: m.claimId, employee: byClaim.get(m.claimId)!.employee, line: m.line, invoice: m.invoiceNo, amountFen, status: label(STATUS, m.status), message: why ? message(locale, why.code, why.params) : '' };
      });

    const col = (key: string, label: string, kind: 'text' | 'money' | 'int' | 'number' | 'date' = 'text') => ({ key, label, kind });
    return [
      {
        name: 'violations',
        title: message(locale, 'claims.report.policyViolations'),
        columns: [
          col('claim', message(locale, 'claims.report.claim'), 'int'),
          col('employee', message(locale, 'claims.report.employee')),
          col('status', message(locale, 'claims.report.status')),
          col('line', message(locale, 'claims.report.line'), 'int'),
          col('date', message(locale, 'claims.report.date'), 'date'),
          col('category', message(locale, 'claims.report.category')),
          col('amountFen', message(locale, 'claims.report.amount'), 'money'),
          col('action', message(locale, 'claims.report.action')),
          col('message', message(locale, 'claims.report.message')),
        ],
        rows: violations,
      },
      {
        name: 'duplicates',
        title: message(locale, 'claims.report.duplicateInvoices'),
        columns: [col('invoice', message(locale, 'claims.report.invoice')), col('count', message(locale, 'claims.report.times'), 'int'), col('claims', message(locale, 'claims.report.claims')), col('employees', message(locale, 'claims.report.employees')), col('amountFen', message(locale, 'claims.report.amount2'), 'money')],
        rows: duplicates,
      },
      {
        name: 'large',
        title: message(locale, 'claims.report.approvedAbove', { amount: formatFen(threshold) }),
        columns: [col('claim', message(locale, 'claims.report.claim'), 'int'), col('employee', message(locale, 'claims.report.employee')), col('amountFen', message(locale, 'claims.report.amount'), 'money'), col('approvedAt', message(locale, 'claims.report.approved'), 'date'), col('approvers', message(locale, 'claims.report.approvers'))],
        rows: large,
        totals: { claim: null, employee: message(locale, 'claims.report.total'), amountFen: sumFen(large.map((r) => r.amountFen), 'claims') },
      },
      {
        name: 'timeline',
        title: message(locale, 'claims.report.approvalTimeline'),
        columns: [
          col('claim', message(locale, 'claims.report.claim'), 'int'),
          col('employee', message(locale, 'claims.report.employee')),
          col('at', message(locale, 'claims.report.at')),
          col('action', message(locale, 'claims.report.action2')),
          col('role', message(locale, 'claims.report.step')),
          col('user', message(locale, 'claims.report.user')),
          col('hours', message(locale, 'claims.report.hoursSincePrevious'), 'number'),
          col('comment', message(locale, 'claims.report.comment')),
        ],
        rows: timeline,
      },
      {
        name: 'invoices',
        title: message(locale, 'claims.report.invoiceCheckUnmatchedClaim'),
        columns: [
          col('claim', message(locale, 'claims.report.claim'), 'int'),
          col('employee', message(locale, 'claims.report.employee')),
          col('line', message(locale, 'claims.report.line'), 'int'),
          col('invoice', message(locale, 'claims.report.invoice')),
          col('amountFen', message(locale, 'claims.report.amount'), 'money'),
          col('status', message(locale, 'claims.report.result')),
          col('message', message(locale, 'claims.report.message')),
        ],
        rows: unmatched,
      },
    ];
  },
});
