/**
 * 资产负债表 and 利润表 as report modules: one section each whose rows are the form's lines
 * (captions with no 行次 included for the screen and the sheet), rendered by the generic
 * report screen, the CLI and the statutory Excel layout (excel/write-statement.ts).
 */
import type { ReportRow, ReportSection } from '../../../shared/report';
import { defineReport } from '../reports/define';
import { message, type Locale } from '../../../shared/messages/index';
import { adminExpenseReport } from './admin-expense';
import { balanceSheet, incomeStatement } from './compute';
import { plainItem, type EvaluatedLine } from './evaluate';
import type { StatementLine } from './layout';

/** The ideographic space (U+3000) the paper forms indent with. */
const IDEO = '\u3000';

/**
 * The printed label, indented as on the form: parts of a 其中 list under it, and on the
 * 利润表 the lines that continue a 减：/加： list under their lead-in.
 */
function indented(label: string, kind: StatementLine['kind'], inList: boolean): string {
  if (kind === 'caption' || kind === 'total' || /^(?:[一二三四五六七]、|减：|加：|（[一二]）|of which|Less|Add)/.test(label)) return label;
  if (kind === 'detail') return /^其中：/.test(label) ? IDEO.repeat(2) + label : IDEO.repeat(5) + label;
  // Balance-sheet lines stand flush; income-statement lines continue the list above them.
  return inList ? IDEO.repeat(2) + label : label;
}

/** `rightFrom`: index of the first right-hand line (balance sheet); `inList`: the 利润表's continued lists. */
function rowsOf(lines: EvaluatedLine[], keys: string[], locale: Locale, rightFrom: number, inList = false): ReportRow[] {
  return lines.map(({ def, values }, i) => {
    const row: ReportRow = {
      line: def.line ?? null,
      item: plainItem(def.item),
      label: indented(locale === 'en' ? def.en : def.item, def.kind, inList),
      kind: def.kind ?? 'item',
      part: i >= rightFrom ? 'right' : 'left',
    };
    keys.forEach((k, j) => (row[k] = def.kind === 'caption' ? null : values[j]!));
    return row;
  });
}

/** The paper form's two column pairs: assets on the left, liabilities and equity on the right. */
function sideBySide(records: ReportRow[]): ReportRow[] {
  const left = records.filter((r) => r.part === 'left');
  const right = records.filter((r) => r.part === 'right');
  return Array.from({ length: Math.max(left.length, right.length) }, (_, i) => {
    const a = left[i];
    const b = right[i];
    return {
      label: a?.label ?? null,
      line: a?.line ?? null,
      endFen: a?.endFen ?? null,
      yearStartFen: a?.yearStartFen ?? null,
      rLabel: b?.label ?? null,
      rLine: b?.line ?? null,
      rEndFen: b?.endFen ?? null,
      rYearStartFen: b?.yearStartFen ?? null,
    };
  });
}

const ymd = (p: string, locale: Locale) => {
  const [y, m] = p.split('-').map(Number) as [number, number];
  const d = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return locale === 'en' ? `${p}-${String(d).padStart(2, '0')}` : `${y}年${String(m).padStart(2, '0')}月${String(d).padStart(2, '0')}日`;
};

export const balanceSheetReport = defineReport({
  name: 'balance-sheet',
  title: { 'zh-CN': '资产负债表', en: 'Balance sheet' },
  run(book, { to, locale }) {
    const bs = balanceSheet(book, to);
    const [endA, startA] = bs.totals.assets;
    const [endE, startE] = bs.totals.equityAndLiabilities;
    const verdict = message(locale, bs.balanced ? 'report.statements.balanced' : 'report.statements.notBalanced');
    const records = rowsOf(bs.lines, ['endFen', 'yearStartFen'], locale, bs.layout.left.length);
    const section: ReportSection = {
      name: 'balance-sheet',
      title: message(locale, 'report.statements.balanceSheet'),
      columns: [
        { key: 'label', label: message(locale, 'report.statements.assets'), kind: 'text' },
        { key: 'line', label: message(locale, 'report.statements.line'), kind: 'int' },
        { key: 'endFen', label: message(locale, 'report.statements.endOfPeriod'), kind: 'money' },
        { key: 'yearStartFen', label: message(locale, 'report.statements.startOfYear'), kind: 'money' },
        { key: 'rLabel', label: message(locale, 'report.statements.liabilitiesAndEquity'), kind: 'text' },
        { key: 'rLine', label: message(locale, 'report.statements.line'), kind: 'int' },
        { key: 'rEndFen', label: message(locale, 'report.statements.endOfPeriod'), kind: 'money' },
        { key: 'rYearStartFen', label: message(locale, 'report.statements.startOfYear'), kind: 'money' },
      ],
      rows: sideBySide(records),
      records,
      facts: { balanced: bs.balanced, totalAssetsFen: endA, totalLiabilitiesAndEquityFen: endE, yearStartTotalAssetsFen: startA, yearStartTotalLiabilitiesAndEquityFen: startE },
      notes: [message(locale, 'report.statements.balanceCheck', { verdict })],
      form: { kind: 'balance-sheet', code: bs.layout.form, dateLine: ymd(to, locale) },
    };
    return [section];
  },
});

export const incomeStatementReport = defineReport({
  name: 'income-statement',
  title: { 'zh-CN': '利润表', en: 'Income statement' },
  run(book, { from, to, locale }) {
    const is = incomeStatement(book, from, to);
    const small = is.columns[1] === 'ytdFen';
    const range = from === to ? from : `${from} – ${to}`;
    return [
      {
        name: 'income-statement',
        title: message(locale, 'report.statements.incomeStatement'),
        columns: [
          { key: 'label', label: message(locale, 'report.statements.item'), kind: 'text' },
          { key: 'line', label: message(locale, 'report.statements.line'), kind: 'int' },
          small
            ? { key: 'ytdFen', label: message(locale, 'report.statements.ytdAmount'), kind: 'money' }
            : { key: 'periodFen', label: message(locale, 'report.statements.thisPeriod'), kind: 'money' },
          small
            ? { key: 'periodFen', label: message(locale, 'report.statements.thisMonth'), kind: 'money' }
            : { key: 'priorFen', label: message(locale, 'report.statements.priorPeriod'), kind: 'money' },
        ],
        rows: rowsOf(is.lines, is.columns, locale, Infinity, true),
        form: { kind: 'income-statement', code: is.layout.form, dateLine: locale === 'en' ? range : range.replace(/(\d{4})-(\d{2})/g, '$1年$2月') },
      },
    ];
  },
});

export const statementReports = [balanceSheetReport, incomeStatementReport, adminExpenseReport];
