/**
 * Claims audit (报销稽核): policy violations of claims in the range, invoice numbers used
 * more than once, claims approved above the top approval threshold, and the approval
 * timeline (each step with the hours since the step before).
 */
import { formatFen } from '../../../shared/money';
import { lastDay, type Period } from '../../../shared/period';
import type { ReportRow } from '../../../shared/report';
import { defineReport, L } from '../reports/define';
import { exactFen, sumFen } from '../reports/exact';
import { approvalLevels } from './chain';
import { claimRecord } from './edit';
import { claimLines } from './queries';
import { claimViolations } from './workflow';
import { message } from '../../../shared/messages/index';
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
          action: v.action === 'block' ? L(locale, '阻止', 'Block') : L(locale, '警告', 'Warn'),
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

    const ACTION: Record<string, [string, string]> = { submit: ['提交', 'Submitted'], approve: ['审批通过', 'Approved'], reject: ['驳回', 'Rejected'], pay: ['付款', 'Paid'] };
    const ROLE: Record<string, [string, string]> = {
      manager: ['部门经理', 'Manager'],
      finance: ['财务', 'Finance'],
      gm: ['总经理', 'General manager'],
      accountant: ['会计', 'Accountant'],
      approver: ['审批人', 'Approver'],
      admin: ['管理员', 'Admin'],
    };
    const label = (table: Record<string, [string, string]>, k: string) => (table[k] ? L(locale, table[k][0], table[k][1]) : k);
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
    const STATUS: Record<string, [string, string]> = {
      missing: ['不在发票台账', 'Not in the ledger'],
      amountDiffers: ['金额不符', 'Amount differs'],
      buyerDiffers: ['购买方不是本公司', 'Buyer is not this company'],
      voided: ['已作废/红冲', 'Voided / red-lettered'],
      reused: ['重复报销', 'Claimed before'],
    };
    const amounts = book.sqlite.prepare('SELECT amount_fen FROM claim_line WHERE claim_id = ? AND line_no = ?').pluck();
    const unmatched: ReportRow[] = matchPeriod(book, from, to)
      .filter((m) => (withLedger ? m.status !== 'matched' : m.status === 'reused') && byClaim.has(m.claimId))
      .map((m) => {
        const amountFen = amounts.get(m.claimId, m.line) as number;
        const why = matchMessage(m, amountFen);
        return { claim: m.claimId, employee: byClaim.get(m.claimId)!.employee, line: m.line, invoice: m.invoiceNo, amountFen, status: label(STATUS, m.status), message: why ? message(locale, why.code, why.params) : '' };
      });

    const col = (key: string, zh: string, en: string, kind: 'text' | 'money' | 'int' | 'number' | 'date' = 'text') => ({ key, label: L(locale, zh, en), kind });
    return [
      {
        name: 'violations',
        title: L(locale, '政策违规', 'Policy violations'),
        columns: [
          col('claim', '报销单', 'Claim', 'int'),
          col('employee', '报销人', 'Employee'),
          col('status', '状态', 'Status'),
          col('line', '行', 'Line', 'int'),
          col('date', '日期', 'Date', 'date'),
          col('category', '类别', 'Category'),
          col('amountFen', '金额', 'Amount', 'money'),
          col('action', '处理', 'Action'),
          col('message', '说明', 'Message'),
        ],
        rows: violations,
      },
      {
        name: 'duplicates',
        title: L(locale, '重复发票', 'Duplicate invoices'),
        columns: [col('invoice', '发票号码', 'Invoice'), col('count', '次数', 'Times', 'int'), col('claims', '报销单', 'Claims'), col('employees', '报销人', 'Employees'), col('amountFen', '金额合计', 'Amount', 'money')],
        rows: duplicates,
      },
      {
        name: 'large',
        title: L(locale, `大额审批（超过 ${formatFen(threshold)} 元）`, `Approved above ${formatFen(threshold)}`),
        columns: [col('claim', '报销单', 'Claim', 'int'), col('employee', '报销人', 'Employee'), col('amountFen', '金额', 'Amount', 'money'), col('approvedAt', '审批日期', 'Approved', 'date'), col('approvers', '审批人', 'Approvers')],
        rows: large,
        totals: { claim: null, employee: L(locale, '合计', 'Total'), amountFen: sumFen(large.map((r) => r.amountFen), 'claims') },
      },
      {
        name: 'timeline',
        title: L(locale, '审批时间线', 'Approval timeline'),
        columns: [
          col('claim', '报销单', 'Claim', 'int'),
          col('employee', '报销人', 'Employee'),
          col('at', '时间', 'At'),
          col('action', '操作', 'Action'),
          col('role', '环节', 'Step'),
          col('user', '用户', 'User'),
          col('hours', '距上一步（小时）', 'Hours since previous', 'number'),
          col('comment', '意见', 'Comment'),
        ],
        rows: timeline,
      },
      {
        name: 'invoices',
        title: L(locale, '发票核对（未匹配的报销行）', 'Invoice check (unmatched claim lines)'),
        columns: [
          col('claim', '报销单', 'Claim', 'int'),
          col('employee', '报销人', 'Employee'),
          col('line', '行', 'Line', 'int'),
          col('invoice', '发票号码', 'Invoice'),
          col('amountFen', '金额', 'Amount', 'money'),
          col('status', '结果', 'Result'),
          col('message', '说明', 'Message'),
        ],
        rows: unmatched,
      },
    ];
  },
});
