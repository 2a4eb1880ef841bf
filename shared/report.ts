/**
 * What every report returns: sections of typed columns and rows. The screen grid, the
 * charts, the Excel writer and the CLI's --json all render this one shape, so the numbers
 * on screen and in the workbook cannot differ.
 * Money cells hold integer fen; percent cells a ratio (0.25 = 25 %).
 */
export type ColumnKind = 'text' | 'money' | 'int' | 'number' | 'percent' | 'date';

export interface ReportColumn {
  key: string;
  label: string;
  kind: ColumnKind;
  /** Indent level for tree-like first columns (trial balance by level). */
  width?: number;
}

export type Cell = string | number | null;
export type ReportRow = Record<string, Cell>;

export interface ChartSpec {
  type: 'pie' | 'line' | 'bar' | 'whale';
  title: string;
  /** Column holding the category axis / slice names. */
  category: string;
  /** Columns plotted as series. */
  series: string[];
  /** Plot only the n largest (top) or smallest (bottom) rows by column `by`; all rows otherwise. */
  pick?: { n: number; order: 'top' | 'bottom'; by: string };
}

export interface ReportSection {
  /** Stable id (sheet names derive from title, in the UI language). */
  name: string;
  title: string;
  columns: ReportColumn[];
  rows: ReportRow[];
  totals?: ReportRow;
  charts?: ChartSpec[];
  /** Facts a script reads beside the rows (the balance sheet's `balanced`); the CLI's --json puts them at its top level. */
  facts?: Record<string, string | number | boolean>;
  /** Sentences shown under the grid and the sheet (资产总计 = 负债和所有者权益总计 checked). */
  notes?: string[];
  /** A statutory statement: the Excel writer adds the form's furniture (corner code, 编制单位, 单位：元). */
  form?: StatementForm;
  /** One record per line when `rows` are a printed layout (the balance sheet's two column pairs); the CLI's --json gives these. */
  records?: ReportRow[];
}

export interface StatementForm {
  kind: 'balance-sheet' | 'income-statement';
  /** The corner label: 会小企01表, 会企02表. */
  code: string;
  /** The date line under the title: 2026年06月30日 or 2026年06月. */
  dateLine: string;
}

export interface ReportResult {
  report: string;
  title: string;
  company: string;
  from: string;
  to: string;
  generatedAt: string;
  sections: ReportSection[];
}

export interface ReportFilters {
  customerId?: number;
  employeeId?: number;
  departmentId?: number;
  categoryId?: number;
  account?: string;
  level?: number;
}
