/**
 * 管理费用明细表: each sub-account of 管理费用 (5602 / 6602) at every level, with 本期 (the
 * range), 本年累计 (January of `to`'s year to `to`) and 上年同期 (the range a year earlier).
 * Movements leave closing entries out, like the 利润表, so a transferred month still shows
 * what was spent; parents hold their sub-accounts.
 */
import { addMonths, period } from '../../../shared/period';
import type { ReportRow } from '../../../shared/report';
import { roleAccount } from '../accounts/default-chart';
import { defineReport } from '../reports/define';
import { message } from '../../../shared/messages/index';
import { movements } from './compute';
import { exactFen } from '../reports/exact';

export const adminExpenseReport = defineReport({
  name: 'admin-expenses',
  title: { 'zh-CN': '管理费用明细表', en: 'Administrative expenses by account' },
  run(book, { from, to, locale }) {
    const root = roleAccount(book.standard, 'adminExpense');
    const prior = (p: string) => addMonths(period(p), -12);
    const [now, ytd, last] = movements(book, [
      [from, to],
      [`${to.slice(0, 4)}-01`, to],
      [prior(from), prior(to)],
    ]);
    const accounts = book.db.all(book.q.selectFrom('account').select(['code', 'name']).where('code', '>=', root).where('code', '<', String(Number(root) + 1)).orderBy('code'));
    const sum = (m: Map<string, bigint>, code: string) => exactFen([...m].reduce((s, [c, v]) => (c.startsWith(code) ? s + v : s), 0n), 'statements', code);
    const rows: ReportRow[] = accounts
      .map((a) => ({ code: a.code, name: a.name, periodFen: sum(now!, a.code), ytdFen: sum(ytd!, a.code), priorFen: sum(last!, a.code) }))
      .filter((r) => r.code === root || r.periodFen !== 0 || r.ytdFen !== 0 || r.priorFen !== 0);
    const top = rows.find((r) => r.code === root);
    return [
      {
        name: 'admin-expenses',
        title: message(locale, 'report.statements.adminExpenses'),
        columns: [
          { key: 'code', label: message(locale, 'report.statements.code'), kind: 'text' },
          { key: 'name', label: message(locale, 'report.statements.account'), kind: 'text' },
          { key: 'periodFen', label: message(locale, 'report.statements.thisPeriod'), kind: 'money' },
          { key: 'ytdFen', label: message(locale, 'report.statements.ytd'), kind: 'money' },
          { key: 'priorFen', label: message(locale, 'report.statements.samePeriodLastYear'), kind: 'money' },
        ],
        rows: rows.filter((r) => r.code !== root),
        totals: { periodFen: top?.periodFen ?? 0, ytdFen: top?.ytdFen ?? 0, priorFen: top?.priorFen ?? 0 },
      },
    ];
  },
});
