/**
 * The shape of a statement layout: its lines as data, so a mapping is read (and tested)
 * line by line instead of hidden in code. A line's formula is a sum of terms:
 *   1001          the account and its sub-accounts (balance on a balance sheet, the
 *                 range's movement on an income statement, closing entries left out)
 *   1122D / 1122C only the sub-accounts (leaves) with a debit / credit balance: 分析填列,
 *                 e.g. 应收账款 = 1122D + 2203D, 预收账款 = 2203C + 1122C
 *   5602[招待]    the sub-accounts of 5602 whose name (or a parent's below 5602) matches
 *   5*            every account whose code starts with 5 (unclosed P&L in 未分配利润)
 *   #15           the amount of line 15 (totals)
 * joined with + and -, read as the standard writes them: an account's amount is on its
 * own normal side (累计折旧 is a positive credit balance, so 固定资产账面价值 = 1601 − 1602; a
 * balance on the other side is negative), a D/C part is a positive magnitude, and a
 * wildcard is taken on the line's side (credit for 未分配利润: revenue − expenses).
 */
import type { Side } from '../db/schema/account';

export interface StatementLine {
  /** 行次; caption rows have none. */
  line?: number;
  item: string;
  en: string;
  /** Caption rows have no formula; `detail` rows (其中) are parts of the line above, never summed twice. */
  kind?: 'caption' | 'detail' | 'total';
  f?: string;
  side: Side;
}

export interface StatementLayout {
  /** The form's number for the corner (会小企01表) or the notice it follows. */
  form: string;
  title: { 'zh-CN': string; en: string };
  /** Balance sheets list assets first, then liabilities and equity (printed side by side). */
  left: StatementLine[];
  right?: StatementLine[];
  /** Lines that must be equal: 资产总计 and 负债和所有者权益总计. */
  balance?: [number, number];
  /**
   * First-level accounts deliberately on no line, with the reason (the coverage test
   * checks every other first-level account lands on exactly one non-detail line).
   */
  excluded?: Record<string, string>;
}

type Opts = { kind?: StatementLine['kind']; side?: Side };
/** Builders keep the tables one line per 行次. */
export const sided = (side: Side) => ({
  cap: (item: string, en: string): StatementLine => ({ item, en, kind: 'caption', side }),
  row: (line: number, item: string, en: string, f = '', o: Opts = {}): StatementLine => ({ line, item, en, f, side, ...o }),
  sub: (line: number, item: string, en: string, f = '', o: Opts = {}): StatementLine => ({ line, item, en, f, side, kind: 'detail', ...o }),
  tot: (line: number, item: string, en: string, f: string): StatementLine => ({ line, item, en, f, side, kind: 'total' }),
});
