/**
 * 资产负债表 and 利润表 as report modules: one section each whose rows are the form's lines
 * (captions with no 行次 included for the screen and the sheet), rendered by the generic
 * report screen, the CLI and the statutory Excel layout (excel/write-statement.ts).
 */
import type { ReportRow, ReportSection } from '../../../shared/report';
import { defineReport, L } from '../reports/define';
import type { Locale } from '../../../shared/messages/index';
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
    const verdict = bs.balanced ? L(locale, '平衡', 'balanced') : L(locale, '不平衡', 'NOT balanced');
    const records = rowsOf(bs.lines, ['endFen', 'yearStartFen'], locale, bs.layout.left.length);
    const section: ReportSection = {
      name: 'balance-sheet',
      title: L(locale, '资产负债表', 'Balance sheet'),
      columns: [
        { key: 'label', label: L(locale, '资产', 'Assets'), kind: 'text' },
        { key: 'line', label: L(locale, '行次', 'Line'), kind: 'int' },
        { key: 'endFen', label: L(locale, '期末余额', 'End of period'), kind: 'money' },
        { key: 'yearStartFen', label: L(locale, '年初余额', 'Start of year'), kind: 'money' },
        { key: 'rLabel', label: L(locale, '负债和所有者权益（或股东权益）', "Liabilities and owners' equity"), kind: 'text' },
        { key: 'rLine', label: L(locale, '行次', 'Line'), kind: 'int' },
        { key: 'rEndFen', label: L(locale, '期末余额', 'End of period'), kind: 'money' },
        { key: 'rYearStartFen', label: L(locale, '年初余额', 'Start of year'), kind: 'money' },
      ],
      rows: sideBySide(records),
      records,
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
        rows: rowsOf(is.lines, is.columns, locale, Infinity, true),
        form: { kind: 'income-statement', code: is.layout.form, dateLine: locale === 'en' ? range : range.replace(/(\d{4})-(\d{2})/g, '$1年$2月') },
      },
    ];
  },
});

export const statementReports = [balanceSheetReport, incomeStatementReport, adminExpenseReport];
