/**
 * Claims audit (报销稽核): policy violations of claims in the range, invoice numbers used
 * more than once, claims approved above the top approval threshold, and the approval
 * timeline (each step with the hours since the step before).
 */
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
    const claims = book.sqlite
      .prepare(
        `SELECT c.id, c.status, c.total_fen, c.approved_at, e.name AS employee FROM claim c JOIN employee e ON e.id = c.employee_id
          WHERE EXISTS (SELECT 1 FROM claim_line l WHERE l.claim_id = c.id AND l.date BETWEEN ? AND ?)${emp ? ' AND c.employee_id = ?' : ''} ORDER BY c.id`,
      )
      .all(start, end, ...(emp ? [emp] : [])) as { id: number; status: string; total_fen: number; approved_at: string | null; employee: string }[];
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

    const duplicates = (
      book.sqlite
        .prepare(
          `SELECT l.invoice_no AS invoice, COUNT(*) AS n, GROUP_CONCAT(DISTINCT '#' || l.claim_id) AS claims, GROUP_CONCAT(DISTINCT e.name) AS employees, SUM(l.amount_fen) AS total
             FROM claim_line l JOIN claim c ON c.id = l.claim_id JOIN employee e ON e.id = c.employee_id
            WHERE l.invoice_no IN (SELECT invoice_no FROM claim_line WHERE invoice_no IS NOT NULL AND date BETWEEN ? AND ?)
            GROUP BY l.invoice_no HAVING COUNT(*) > 1 ORDER BY l.invoice_no`,
        )
        // SQLite's exact int64 sum as BigInt, a number only when exact (reports/exact.ts).
        .safeIntegers(true)
        .all(start, end) as { invoice: string; n: bigint; claims: string; employees: string; total: bigint }[]
    ).map((d) => ({ invoice: d.invoice, count: Number(d.n), claims: d.claims, employees: d.employees, amountFen: exactFen(d.total, 'claims') }));

    const threshold = Math.max(0, ...approvalLevels(book).map((l) => l.aboveFen));
    const approvers = book.sqlite.prepare(`SELECT GROUP_CONCAT(user || '(' || role || ')', ', ') AS who FROM claim_step WHERE claim_id = ? AND action = 'approve'`);
    const large = claims
      .filter((c) => c.approved_at !== null && c.total_fen > threshold)
      .map((c) => ({ claim: c.id, employee: c.employee, amountFen: c.total_fen, approvedAt: c.approved_at!.slice(0, 10), approvers: (approvers.get(c.id) as { who: string | null }).who ?? '' }));

    const ACTION: Record<string, MessageCode> = { submit: 'claims.report.action.submit', approve: 'claims.report.action.approve', reject: 'claims.report.action.reject', pay: 'claims.report.action.pay' };
    const ROLE: Record<string, MessageCode> = { manager: 'claims.report.role.manager', finance: 'claims.report.role.finance', gm: 'claims.report.role.gm', accountant: 'claims.report.role.accountant', approver: 'claims.report.role.approver', admin: 'claims.report.role.admin' };
    const label = (table: Record<string, MessageCode>, k: string) => (table[k] ? message(locale, table[k]) : k);
    const timeline: ReportRow[] = [];
    const steps = book.sqlite.prepare('SELECT action, role, user, at, comment FROM claim_step WHERE claim_id = ? ORDER BY id');
    for (const c of claims) {
      let prev: string | null = null;
      for (const s of steps.all(c.id) as { action: string; role: string; user: string; at: string; comment: string }[]) {
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
    const amounts = book.sqlite.prepare('SELECT amount_fen FROM claim_line WHERE claim_id = ? AND line_no = ?').pluck();
    const unmatched: ReportRow[] = matchPeriod(book, from, to)
      .filter((m) => (withLedger ? m.status !== 'matched' : m.status === 'reused') && byClaim.has(m.claimId))
      .map((m) => {
        const amountFen = amounts.get(m.claimId, m.line) as number;
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
