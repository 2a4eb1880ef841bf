/** The ledger's report modules: 科目余额表, 明细账, 序时账 (rendered by the generic report screen, Excel and CLI). */
import { sql } from 'kysely';
import { UserError } from '../../../shared/errors';
import type { ReportRow } from '../../../shared/report';
import type { Book } from '../book/book';
import { message, type Locale } from '../../../shared/messages/index';
import { defineReport } from '../reports/define';
import type { LedgerLineRow } from '../../../shared/contract/ledger';
import { accountFamily, detailPage, journalPage } from './lines';
import { chineseTrialBalance } from './trial-balance';
import { FenSum, partSum, sumExact, sumFen } from '../reports/exact';

export const trialBalanceReport = defineReport({
  name: 'trial-balance',
  title: { 'zh-CN': '科目余额表', en: 'Trial balance' },
  run(book, { from, to, filters, locale }) {
    // 科目余额表 in the Chinese layout: 期初余额 / 本期发生额 / 本年累计 / 期末余额, each 借方 and 贷方.
    const tb = chineseTrialBalance(book, from, to, filters);
    const money = (key: string, label: string) => ({ key, label, kind: 'money' as const });
    return [
      {
        name: 'trial-balance',
        title: message(locale, 'ledger.report.trialBalance'),
        columns: [
          { key: 'code', label: message(locale, 'ledger.report.code'), kind: 'text' },
          { key: 'name', label: message(locale, 'ledger.report.account'), kind: 'text' },
          money('openingDebitFen', message(locale, 'ledger.report.openingDr')),
          money('openingCreditFen', message(locale, 'ledger.report.openingCr')),
          money('debitFen', message(locale, 'ledger.report.periodDr')),
          money('creditFen', message(locale, 'ledger.report.periodCr')),
          money('ytdDebitFen', message(locale, 'ledger.report.yearToDateDr')),
          money('ytdCreditFen', message(locale, 'ledger.report.yearToDateCr')),
          money('closingDebitFen', message(locale, 'ledger.report.closingDr')),
          money('closingCreditFen', message(locale, 'ledger.report.closingCr')),
        ],
        rows: tb.rows as unknown as ReportRow[],
        totals: tb.totals,
      },
    ];
  },
});

/** Every page of a keyset reader, for reports that export the whole range. */
function all<R>(read: (after: string | null) => { rows: R[]; next: string | null }): R[] {
  const out: R[] = [];
  for (let after: string | null = null; ; ) {
    const page = read(after);
    out.push(...page.rows);
    if (!page.next) return out;
    after = page.next;
  }
}

/**
 * The 明细账's lines with a 本月合计 and a 本年累计 row after each month, as Chinese ledgers
 * print them; 本年累计 counts from January (the months of the year before `from` read from
 * ledger_total), and starts again in a new year.
 */
function withMonthTotals(book: Book, account: string, from: string, lines: LedgerLineRow[], locale: Locale): ReportRow[] {
  const family = accountFamily(book, account);
  const before = book.db.firstExact(
    book.q
      .selectFrom('ledger_total')
      .select([...sumExact(sql<number>`debit_fen`, 'd', true), ...sumExact(sql<number>`credit_fen`, 'c', true)])
      .where('period', '>=', `${from.slice(0, 4)}-01`)
      .where('period', '<', from)
      .where('account_code', 'in', family),
  )!;
  const rows: ReportRow[] = [];
  // Exact totals (FenSum): a month of large lines passes 2^53 long before any one line does.
  const sums = (d: bigint | number = 0, c: bigint | number = 0) => {
    const s = { d: new FenSum(), c: new FenSum() };
    s.d.addExact(d);
    s.c.addExact(c);
    return s;
  };
  let year = { ...sums(partSum(before, 'd'), partSum(before, 'c')), y: from.slice(0, 4) };
  let month = { ...sums(), p: '' };
  const fen = (s: FenSum) => s.value('detailLedger', account);
  const close = (balanceFen: number) => {
    if (!month.p) return;
    rows.push({ date: '', no: '', account: '', memo: message(locale, 'ledger.report.monthTotal'), debitFen: fen(month.d), creditFen: fen(month.c), balanceFen, kind: 'month' });
    rows.push({ date: '', no: '', account: '', memo: message(locale, 'ledger.report.yearToDate'), debitFen: fen(year.d), creditFen: fen(year.c), balanceFen, kind: 'year' });
  };
  let balance = 0;
  for (const l of lines) {
    if (l.key === 'opening') {
      balance = l.balanceFen ?? 0;
      rows.push({ date: '', no: '', account: '', memo: message(locale, 'ledger.report.openingBalance'), debitFen: null, creditFen: null, balanceFen: l.balanceFen });
      continue;
    }
    if (l.period !== month.p) {
      close(balance);
      if (l.period.slice(0, 4) !== year.y) year = { ...sums(), y: l.period.slice(0, 4) };
      month = { ...sums(), p: l.period };
    }
    month.d.add(l.debitFen);
    month.c.add(l.creditFen);
    year.d.add(l.debitFen);
    year.c.add(l.creditFen);
    balance = l.balanceFen ?? balance;
    rows.push({ date: l.date, no: l.no, account: `${l.account} ${l.accountName}`, memo: l.memo, debitFen: l.debitFen, creditFen: l.creditFen, balanceFen: l.balanceFen });
  }
  close(balance);
  return rows;
}

export const detailLedgerReport = defineReport({
  name: 'detail-ledger',
  title: { 'zh-CN': '明细账', en: 'Detail ledger' },
  run(book: Book, { from, to, filters, locale }) {
    if (!filters.account) throw new UserError('ledger.accountRequired');
    const account = filters.account;
    const lines = all((after) => detailPage(book, { account, from, to, after, limit: 1000 }));
    const rows = withMonthTotals(book, account, from, lines, locale);
    const name = book.db.first(book.q.selectFrom('account').select('name').where('code', '=', account))?.name ?? '';
    return [
      {
        name: 'detail-ledger',
        title: `${message(locale, 'ledger.report.detailLedger')} ${account} ${name}`,
        columns: [
          { key: 'date', label: message(locale, 'ledger.report.date'), kind: 'date' },
          { key: 'no', label: message(locale, 'ledger.report.voucher'), kind: 'text' },
          { key: 'account', label: message(locale, 'ledger.report.account2'), kind: 'text' },
          { key: 'memo', label: message(locale, 'ledger.report.memo'), kind: 'text' },
          { key: 'debitFen', label: message(locale, 'ledger.report.debit'), kind: 'money' },
          { key: 'creditFen', label: message(locale, 'ledger.report.credit'), kind: 'money' },
          { key: 'balanceFen', label: message(locale, 'ledger.report.balanceDr'), kind: 'money' },
        ],
        rows,
        totals: {
          memo: message(locale, 'ledger.report.periodTotal'),
          debitFen: sumFen(lines.map((l) => l.debitFen), 'detailLedger', account),
          creditFen: sumFen(lines.map((l) => l.creditFen), 'detailLedger', account),
          balanceFen: lines.at(-1)?.balanceFen ?? 0,
        },
      },
    ];
  },
});

export const journalReport = defineReport({
  name: 'journal',
  title: { 'zh-CN': '序时账', en: 'Journal' },
  run(book, { from, to, locale }) {
    const lines = all((after) => journalPage(book, { from, to, after, limit: 1000 }));
    return [
      {
        name: 'journal',
        title: message(locale, 'ledger.report.journal'),
        columns: [
          { key: 'date', label: message(locale, 'ledger.report.date'), kind: 'date' },
          { key: 'no', label: message(locale, 'ledger.report.voucher'), kind: 'text' },
          { key: 'memo', label: message(locale, 'ledger.report.memo'), kind: 'text' },
          { key: 'account', label: message(locale, 'ledger.report.code'), kind: 'text' },
          { key: 'accountName', label: message(locale, 'ledger.report.account'), kind: 'text' },
          { key: 'debitFen', label: message(locale, 'ledger.report.debit'), kind: 'money' },
          { key: 'creditFen', label: message(locale, 'ledger.report.credit'), kind: 'money' },
        ],
        rows: lines.map((l) => ({ date: l.date, no: `${l.period} ${l.no}`, memo: l.memo, account: l.account, accountName: l.accountName, debitFen: l.debitFen, creditFen: l.creditFen })),
        totals: { memo: message(locale, 'ledger.report.total'), debitFen: sumFen(lines.map((l) => l.debitFen), 'journal'), creditFen: sumFen(lines.map((l) => l.creditFen), 'journal') },
      },
    ];
  },
});
