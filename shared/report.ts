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
