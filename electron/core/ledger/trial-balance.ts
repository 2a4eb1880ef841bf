/**
 * 科目余额表: per account, the opening balance (all posted lines before `from`), the
 * period's debits and credits, and the closing balance; balances debit-positive. Parents
 * roll up their sub-accounts (4-2-2: the parent's code is a prefix). Without a dimension
 * filter it reads ledger_total (a few rows per account and month), so it stays fast on a
 * million lines; with one it sums the matching posted lines.
 */
import { sql } from 'kysely';
import { exactFen, partSum, splitOnOverflow, sumExact } from '../reports/exact';
import type { ReportFilters } from '../../../shared/report';
import type { Book } from '../book/book';
import type { ChineseTotals, ChineseTrialBalanceRow, TrialBalanceDto, TrialBalanceRow } from '../../../shared/contract/ledger';

export interface TrialBalance {
  rows: TrialBalanceRow[];
  totals: { debitFen: number; creditFen: number };
}

const DIMS = { customerId: 'customer_id', employeeId: 'employee_id', departmentId: 'department_id', categoryId: 'category_id' } as const;

type Sum = { code: string; opening: bigint; debit: bigint; credit: bigint };

/*
 * Sums beyond 2^53 fen (about 90 trillion yuan): one amount may be 9,999,999,999,999.99 yuan
 * (parseAmount's 13 digits), and no per-amount bound can keep a sum over unboundedly many lines
 * under 2^53, so bounding the inputs was not an option. SQLite sums each column as BigInt, in two
 * parts once SUM() alone overflows int64 (reports/exact.ts splitOnOverflow), and parents and
 * totals roll up in BigInt. The results stay numbers for the contract, reports and workbooks:
 * each is converted only if the double is exactly that integer (exactFen), otherwise the report
 * is refused with report.sumTooLarge naming the account, never a figure off by a fen. Carrying
 * BigInt through the contract and the UI would lift that limit.
 */
type BigRow = { code: string; name: string; opening: bigint; debit: bigint; credit: bigint; closing: bigint };

/**
 * Per account: the balance before `from` (opening) and the movements from `from` on. A
 * ledger_total row's debit − credit cannot leave int64 (both are non-negative int64s). This
 * is the benchmarked trial balance (test/bench/ledger.bench.ts): the SQL is the one it was
 * when raw, `from` a parameter per use instead of a named one.
 */
const sumCols = (from: string, split: boolean) => [
  ...sumExact(sql<number>`CASE WHEN period < ${from} THEN debit_fen - credit_fen ELSE 0 END`, 'opening', split),
  ...sumExact(sql<number>`CASE WHEN period >= ${from} THEN debit_fen ELSE 0 END`, 'debit', split),
  ...sumExact(sql<number>`CASE WHEN period >= ${from} THEN credit_fen ELSE 0 END`, 'credit', split),
];

function sums(book: Book, from: string, to: string, filters: ReportFilters): Sum[] {
  return splitOnOverflow((split) => sumsOnce(book, from, to, filters, split));
}

function sumsOnce(book: Book, from: string, to: string, filters: ReportFilters, split: boolean): Sum[] {
  const dims = (Object.keys(DIMS) as (keyof typeof DIMS)[]).filter((k) => filters[k] != null);
  // Without dimension filters the trigger-kept totals answer; with them, the posted lines
  // (posted = 1 a literal: a bound value against the partial indexes' WHERE posted = 1 makes
  // SQLite re-prepare the statement at every call, 20 → 60 µs a query measured).
  const rows: Record<string, unknown>[] =
    dims.length === 0
      ? book.db.allExact(book.q.selectFrom('ledger_total').select('account_code as code').select(sumCols(from, split)).where('period', '<=', to).groupBy('account_code'))
      : book.db.allExact(
          dims
            .reduce(
              (q, k) => q.where(DIMS[k], '=', filters[k]!),
              book.q.selectFrom('voucher_line').select('account_code as code').select(sumCols(from, split)).where('posted', '=', sql.lit(1)).where('period', '<=', to),
            )
            .groupBy('account_code'),
        );
  return rows.map((r) => ({ code: r.code as string, opening: partSum(r, 'opening'), debit: partSum(r, 'debit'), credit: partSum(r, 'credit') }));
}

/** filters.level 1..3 keeps accounts down to that level (codes of 4, 6 or 8 digits). */
export function trialBalance(book: Book, from: string, to: string, filters: ReportFilters = {}): TrialBalance {
  const names = new Map(book.db.all(book.q.selectFrom('account').select(['code', 'name'])).map((r) => [r.code, r.name]));
  const acc = new Map<string, BigRow>();
  for (const s of sums(book, from, to, filters)) {
    // The account itself and each ancestor (its 4- and 6-digit prefixes).
    for (const code of [4, 6, 8].filter((n) => n <= s.code.length).map((n) => s.code.slice(0, n))) {
      const row = acc.get(code) ?? { code, name: names.get(code) ?? code, opening: 0n, debit: 0n, credit: 0n, closing: 0n };
      row.opening += s.opening;
      row.debit += s.debit;
      row.credit += s.credit;
      row.closing += s.opening + s.debit - s.credit;
      acc.set(code, row);
    }
  }
  const maxLen = filters.level ? 2 + 2 * filters.level : 8;
  const rows = [...acc.values()]
    .filter((r) => r.code.length <= maxLen && (r.opening !== 0n || r.debit !== 0n || r.credit !== 0n || r.closing !== 0n))
    .sort((a, b) => (a.code < b.code ? -1 : 1))
    .map((r): TrialBalanceRow => ({
      code: r.code,
      name: r.name,
      openingFen: exactFen(r.opening, 'trialBalance', r.code),
      debitFen: exactFen(r.debit, 'trialBalance', r.code),
      creditFen: exactFen(r.credit, 'trialBalance', r.code),
      closingFen: exactFen(r.closing, 'trialBalance', r.code),
    }));
  const top = [...acc.values()].filter((r) => r.code.length === 4);
  const total = (k: 'debit' | 'credit') => exactFen(top.reduce((s, r) => s + r[k], 0n), 'trialBalance');
  return { rows, totals: { debitFen: total('debit'), creditFen: total('credit') } };
}

/** The columns of the Chinese layout that have a total. */
const SPLIT = ['openingDebitFen', 'openingCreditFen', 'debitFen', 'creditFen', 'ytdDebitFen', 'ytdCreditFen', 'closingDebitFen', 'closingCreditFen'] as const satisfies readonly (keyof ChineseTotals)[];

/**
 * Opening and closing split by the sign of the balance (a parent's is its children's net,
 * as in 金蝶/用友); 本年累计 is the movement from January of `to`'s year to `to`. Rows keep the
 * signed openingFen / closingFen (debit positive) that scripts read.
 */
export function chineseTrialBalance(book: Book, from: string, to: string, filters: ReportFilters = {}, opts: { zero?: 'hide' | 'show' } = {}): TrialBalanceDto {
  const tb = trialBalance(book, from, to, filters);
  const yearStart = `${to.slice(0, 4)}-01`;
  const ytd = new Map(trialBalance(book, yearStart, to, filters).rows.map((r) => [r.code, r]));
  const byCode = new Map(tb.rows.map((r) => [r.code, r]));
  const names = new Map([...ytd.values()].map((r) => [r.code, r.name]));
  // By default an account with a movement this year but none in the range and no balance is still listed;
  // 'hide' leaves out every account without balance or movement in the range, 'show' lists the whole chart (to the level).
  const codes = new Set([...tb.rows.map((r) => r.code), ...(opts.zero === 'hide' ? [] : ytd.keys())]);
  if (opts.zero === 'show') {
    const maxLen = filters.level ? 2 + 2 * filters.level : 8;
    for (const a of book.db.all(book.q.selectFrom('account').select(['code', 'name']).where((eb) => eb(eb.fn('length', ['code']), '<=', maxLen)))) {
      codes.add(a.code);
      if (!names.has(a.code)) names.set(a.code, a.name);
    }
  }
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
  const totals = Object.fromEntries(SPLIT.map((k) => [k, exactFen(rows.filter((r) => r.code.length === 4).reduce((s, r) => s + BigInt(r[k]), 0n), 'trialBalance')])) as ChineseTotals;
  return { rows, totals };
}
