/**
 * 科目余额表: per account, the opening balance (all posted lines before `from`), the
 * period's debits and credits, and the closing balance; balances debit-positive. Parents
 * roll up their sub-accounts (4-2-2: the parent's code is a prefix). Without a dimension
 * filter it reads ledger_total (a few rows per account and month), so it stays fast on a
 * million lines; with one it sums the matching posted lines.
 */
import type { ReportFilters } from '../../../shared/report';
import type { Book } from '../book/book';

export interface TrialBalanceRow {
  code: string;
  name: string;
  openingFen: number;
  debitFen: number;
  creditFen: number;
  closingFen: number;
}

export interface TrialBalance {
  rows: TrialBalanceRow[];
  totals: { debitFen: number; creditFen: number };
}

const DIMS = { customerId: 'customer_id', employeeId: 'employee_id', departmentId: 'department_id', categoryId: 'category_id' } as const;

type Sum = { code: string; opening: number; debit: number; credit: number };

/** Per account: the balance before `from` (opening) and the movements from `from` on. */
const SUMS = `SELECT account_code AS code,
        SUM(CASE WHEN period < ? THEN debit_fen - credit_fen ELSE 0 END) AS opening,
        SUM(CASE WHEN period >= ? THEN debit_fen ELSE 0 END) AS debit,
        SUM(CASE WHEN period >= ? THEN credit_fen ELSE 0 END) AS credit`;

function sums(book: Book, from: string, to: string, filters: ReportFilters): Sum[] {
  const dims = (Object.keys(DIMS) as (keyof typeof DIMS)[]).filter((k) => filters[k] != null);
  // Without dimension filters the trigger-kept totals answer; with them, the posted lines.
  if (dims.length === 0) return book.sqlite.prepare(`${SUMS} FROM ledger_total WHERE period <= ? GROUP BY account_code`).all(from, from, from, to) as Sum[];
  const where = dims.map((k) => `${DIMS[k]} = ?`).join(' AND ');
  return book.sqlite
    .prepare(`${SUMS} FROM voucher_line WHERE posted = 1 AND period <= ? AND ${where} GROUP BY account_code`)
    .all(from, from, from, to, ...dims.map((k) => filters[k])) as Sum[];
}

/** filters.level 1..3 keeps accounts down to that level (codes of 4, 6 or 8 digits). */
export function trialBalance(book: Book, from: string, to: string, filters: ReportFilters = {}): TrialBalance {
  const names = new Map((book.sqlite.prepare(`SELECT code, name FROM account`).all() as { code: string; name: string }[]).map((r) => [r.code, r.name]));
  const acc = new Map<string, TrialBalanceRow>();
  for (const s of sums(book, from, to, filters)) {
    // The account itself and each ancestor (its 4- and 6-digit prefixes).
    for (const code of [4, 6, 8].filter((n) => n <= s.code.length).map((n) => s.code.slice(0, n))) {
      const row = acc.get(code) ?? { code, name: names.get(code) ?? code, openingFen: 0, debitFen: 0, creditFen: 0, closingFen: 0 };
      row.openingFen += s.opening;
      row.debitFen += s.debit;
      row.creditFen += s.credit;
      row.closingFen += s.opening + s.debit - s.credit;
      acc.set(code, row);
    }
  }
  const maxLen = filters.level ? 2 + 2 * filters.level : 8;
  const rows = [...acc.values()]
    .filter((r) => r.code.length <= maxLen && (r.openingFen !== 0 || r.debitFen !== 0 || r.creditFen !== 0 || r.closingFen !== 0))
    .sort((a, b) => (a.code < b.code ? -1 : 1));
  const top = [...acc.values()].filter((r) => r.code.length === 4);
  return { rows, totals: { debitFen: top.reduce((s, r) => s + r.debitFen, 0), creditFen: top.reduce((s, r) => s + r.creditFen, 0) } };
}

/** The 科目余额表 as Chinese books print it: each balance unsigned in its 借方 or 贷方 column. */
export interface ChineseTrialBalanceRow extends TrialBalanceRow {
  openingDebitFen: number;
  openingCreditFen: number;
  ytdDebitFen: number;
  ytdCreditFen: number;
  closingDebitFen: number;
  closingCreditFen: number;
}

const SPLIT = ['openingDebitFen', 'openingCreditFen', 'debitFen', 'creditFen', 'ytdDebitFen', 'ytdCreditFen', 'closingDebitFen', 'closingCreditFen'] as const;
export type ChineseTotals = Record<(typeof SPLIT)[number], number>;

/**
 * Opening and closing split by the sign of the balance (a parent's is its children's net,
 * as in 金蝶/用友); 本年累计 is the movement from January of `to`'s year to `to`. Rows keep the
 * signed openingFen / closingFen (debit positive) that scripts read.
 */
export function chineseTrialBalance(book: Book, from: string, to: string, filters: ReportFilters = {}): { rows: ChineseTrialBalanceRow[]; totals: ChineseTotals } {
  const tb = trialBalance(book, from, to, filters);
  const yearStart = `${to.slice(0, 4)}-01`;
  const ytd = new Map(trialBalance(book, yearStart, to, filters).rows.map((r) => [r.code, r]));
  // An account with a movement this year but none in the range and no balance is still listed.
  const codes = new Set([...tb.rows.map((r) => r.code), ...ytd.keys()]);
  const byCode = new Map(tb.rows.map((r) => [r.code, r]));
  const names = new Map([...ytd.values()].map((r) => [r.code, r.name]));
  const rows = [...codes].sort().map((code): ChineseTrialBalanceRow => {
    const r = byCode.get(code) ?? { code, name: names.get(code) ?? code, openingFen: 0, debitFen: 0, creditFen: 0, closingFen: ytd.get(code)?.closingFen ?? 0 };
    const opening = r.openingFen;
    const closing = r.closingFen;
    return {
      ...r,
      openingDebitFen: Math.max(opening, 0),
      openingCreditFen: Math.max(-opening, 0),
      ytdDebitFen: ytd.get(code)?.debitFen ?? 0,
      ytdCreditFen: ytd.get(code)?.creditFen ?? 0,
      closingDebitFen: Math.max(closing, 0),
      closingCreditFen: Math.max(-closing, 0),
    };
  });
  // Totals over first-level accounts only (parents already hold their sub-accounts).
  const totals = Object.fromEntries(SPLIT.map((k) => [k, rows.filter((r) => r.code.length === 4).reduce((s, r) => s + r[k], 0)])) as ChineseTotals;
  return { rows, totals };
}
