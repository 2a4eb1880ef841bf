/**
 * 资产负债表 and 利润表 as report modules: one section each whose rows are the form's lines
 * (captions with no 行次 included for the screen and the sheet), rendered by the generic
 * report screen, the CLI and the statutory Excel layout (excel/write-statement.ts).
 */
import type { ReportRow, ReportSection } from '../../../shared/report';
import { defineReport, L } from '../reports/define';
import type { Locale } from '../../../shared/messages/index';
import { balanceSheet, incomeStatement } from './compute';
import { plainItem, type EvaluatedLine } from './evaluate';

function rowsOf(lines: EvaluatedLine[], keys: string[], locale: Locale, rightFrom: number): ReportRow[] {
  return lines.map(({ def, values }, i) => {
    const row: ReportRow = {
      line: def.line ?? null,
      item: plainItem(def.item),
      label: locale === 'en' ? def.en : def.item,
      kind: def.kind ?? 'item',
      part: i >= rightFrom ? 'right' : 'left',
    };
    keys.forEach((k, j) => (row[k] = def.kind === 'caption' ? null : values[j]!));
    return row;
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
    const verdict = bs.balanced ? L(locale, '平衡', 'balanced') : L(locale, '不平衡', 'NOT balanced');
    const section: ReportSection = {
      name: 'balance-sheet',
      title: L(locale, '资产负债表', 'Balance sheet'),
      columns: [
        { key: 'label', label: L(locale, '项目', 'Item'), kind: 'text' },
        { key: 'line', label: L(locale, '行次', 'Line'), kind: 'int' },
        { key: 'endFen', label: L(locale, '期末余额', 'End of period'), kind: 'money' },
        { key: 'yearStartFen', label: L(locale, '年初余额', 'Start of year'), kind: 'money' },
      ],
      rows: rowsOf(bs.lines, ['endFen', 'yearStartFen'], locale, bs.layout.left.length),
      facts: { balanced: bs.balanced, totalAssetsFen: endA, totalLiabilitiesAndEquityFen: endE, yearStartTotalAssetsFen: startA, yearStartTotalLiabilitiesAndEquityFen: startE },
      notes: [L(locale, `资产总计 = 负债和所有者权益总计：${verdict}`, `Total assets = total liabilities and equity: ${verdict}`)],
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
        title: L(locale, '利润表', 'Income statement'),
        columns: [
          { key: 'label', label: L(locale, '项目', 'Item'), kind: 'text' },
          { key: 'line', label: L(locale, '行次', 'Line'), kind: 'int' },
          small
            ? { key: 'ytdFen', label: L(locale, '本年累计金额', 'Year to date'), kind: 'money' }
            : { key: 'periodFen', label: L(locale, '本期金额', 'This period'), kind: 'money' },
          small
            ? { key: 'periodFen', label: L(locale, '本月金额', 'This month'), kind: 'money' }
            : { key: 'priorFen', label: L(locale, '上期金额', 'Same period last year'), kind: 'money' },
        ],
        rows: rowsOf(is.lines, is.columns, locale, Infinity),
        form: { kind: 'income-statement', code: is.layout.form, dateLine: locale === 'en' ? range : range.replace(/(\d{4})-(\d{2})/g, '$1年$2月') },
      },
    ];
  },
});

export const statementReports = [balanceSheetReport, incomeStatementReport];
