/**
 * Every report, by name. Add a domain's reports here; a name listed twice is an error.
 */
import { UserError } from '../../../shared/errors';
import type { ReportResult } from '../../../shared/report';
import type { Book } from '../book/book';
import type { ReportModule, ReportParams } from './define';
import { detailLedgerReport, journalReport, trialBalanceReport } from '../ledger/reports';
import { expenseReports } from './expenses/index';
import { budgetReport } from '../budgets/report';
import { claimsAuditReport } from '../claims/audit-report';
import { allocationReports } from '../allocation/reports';
import { statementReports } from '../statements/reports';
import { entertainmentLimitReport } from './entertainment-limit';

const modules: ReportModule[] = [...statementReports, trialBalanceReport, detailLedgerReport, journalReport, ...expenseReports, ...allocationReports, budgetReport, entertainmentLimitReport, claimsAuditReport];

export const reports = new Map<string, ReportModule>();
for (const m of modules) {
  if (reports.has(m.name)) throw new Error(`report defined twice: ${m.name}`);
  reports.set(m.name, m);
}

export function runReport(book: Book, name: string, params: ReportParams): ReportResult {
  const m = reports.get(name);
  if (!m) throw new UserError('report.unknown', { name, known: [...reports.keys()].join(', ') });
  if (params.from > params.to) throw new UserError('report.badRange', { from: params.from, to: params.to });
  return {
    report: m.name,
    title: m.title[params.locale],
    company: book.info().company,
    from: params.from,
    to: params.to,
    generatedAt: new Date().toISOString(),
    sections: m.run(book, params),
  };
}
