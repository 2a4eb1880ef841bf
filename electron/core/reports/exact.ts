/**
 * Exact sums of fen for reports. One amount is bounded (MAX_AMOUNT_FEN, shared/money.ts),
 * but a sum of many rows can pass 2^53, where doubles skip integers: SQLite sums int64
 * exactly, read here as BigInt (better-sqlite3 safeIntegers), and JS-side totals are added
 * in BigInt. A result stays a number for the contract and workbooks only if the double is
 * exactly that integer (as trial-balance.ts does); otherwise the report is refused, typed,
 * never a figure off by a fen.
 */
import { sql, type AliasedRawBuilder, type RawBuilder } from 'kysely';
import { UserError } from '../../../shared/errors';
import type { SumWhat } from '../../../shared/messages/reports';

const LIMIT_YUAN = '90,071,992,547,409.91';
/** Fen as grouped yuan text at any size ("99,999,999,999,999.91"). */
export const yuanText = (v: bigint): string => {
  const a = v < 0n ? -v : v;
  return `${v < 0n ? '-' : ''}${(a / 100n).toString().replace(/\B(?=(\d{3})+(?!\d))/g, ',')}.${(a % 100n).toString().padStart(2, '0')}`;
};

/**
 * `v` as a number when the double is exactly it; else report.sumTooLarge naming `what`
 * (and `account`, the 科目 whose figure it is, where there is one).
 */
export function exactFen(v: bigint | number, what: SumWhat, account?: string): number {
  if (typeof v === 'number') return v;
  const n = Number(v);
  if (BigInt(n) !== v) throw new UserError('report.sumTooLarge', { what, sum: yuanText(v), limit: LIMIT_YUAN, ...(account ? { account } : {}) });
  return n;
}

/*
 * SQLite's SUM() over integers throws "integer overflow" once the running sum leaves int64
 * (2^63 fen: ~9,223 lines of the largest amount), and TOTAL() is a double
 * (https://www.sqlite.org/lang_aggfunc.html#sumunc). So a sum that may pass 2^63 is two SUMs:
 * of each value's quotient by 2^32 and of its remainder (x = q·2^32 + r; SQLite's / and %
 * truncate toward zero, so that holds for negatives too). A value below 2^63 has |q| < 2^31
 * and |r| < 2^32, so both sums stay exact for two billion rows; BigInt joins them.
 */
/** 2^32, the divisor of partSums (exported for queries built with Kysely). */
export const PART_DIVISOR = 4294967296;
const PART = BigInt(PART_DIVISOR);
const MAX_SAFE = BigInt(Number.MAX_SAFE_INTEGER);

/** Select-list SQL for the exact sum of the integer expression `expr`, as `as`; read it with partSum (on a safeIntegers statement). */
export const partSums = (expr: string, as: string): string => `SUM((${expr}) / ${PART}) AS ${as}_q, SUM((${expr}) % ${PART}) AS ${as}_r`;

/**
 * For the measured hot paths (the trial balance, the statements): two SUMs per figure cost the
 * trial balance 2 ms → 8 ms on the million-line bench book, so they first run one plain SUM()
 * (`split` false: read the same way, as `as_r` with `as_q` 0) and sum in parts only when SQLite
 * reports the overflow, which needs ~9,223 lines of the largest amount.
 */
export const sumSql = (expr: string, as: string, split: boolean): string => (split ? partSums(expr, as) : `0 AS ${as}_q, SUM(${expr}) AS ${as}_r`);
/**
 * sumSql for a Kysely select: the same SQL (`as`_q and `as`_r; read with partSum from
 * firstExact/allExact), `expr` a fragment that may carry parameters.
 */
export const sumExact = (expr: RawBuilder<number>, as: string, split: boolean): AliasedRawBuilder<number, string>[] =>
  split
    ? [sql<number>`SUM((${expr}) / ${sql.lit(PART_DIVISOR)})`.as(`${as}_q`), sql<number>`SUM((${expr}) % ${sql.lit(PART_DIVISOR)})`.as(`${as}_r`)]
    : [sql<number>`0`.as(`${as}_q`), sql<number>`SUM(${expr})`.as(`${as}_r`)];
export function splitOnOverflow<T>(run: (split: boolean) => T): T {
  try {
    return run(false);
  } catch (e) {
    if (e instanceof Error && e.message === 'integer overflow') return run(true);
    throw e;
  }
}

/** The sum partSums selected as `as` (0n over no rows). */
export function partSum(row: Record<string, unknown>, as: string): bigint {
  return BigInt((row[`${as}_q`] ?? 0) as bigint) * PART + BigInt((row[`${as}_r`] ?? 0) as bigint);
}

/**
 * A running exact sum of fen amounts (integer numbers). Numbers while the sum stays a safe
 * integer (the double sum of two integers is then the exact one: past 2^53 it can only round
 * to an unsafe value), BigInt from there: the allocation engine sums ten million shares per
 * run, where a BigInt per addition would cost seconds.
 */
export class FenSum {
  private n = 0;
  private big: bigint | null = null;
  add(v: number): void {
    if (this.big === null) {
      const t = this.n + v;
      if (Number.isSafeInteger(t)) {
        this.n = t;
        return;
      }
      this.big = BigInt(this.n);
    }
    this.big += BigInt(v);
  }
  /** Adds a sum that may already be past 2^53 (a BigInt from SQLite). */
  addExact(v: bigint | number): void {
    if (typeof v === 'number' || (v <= MAX_SAFE && v >= -MAX_SAFE)) return this.add(Number(v));
    this.big = (this.big ?? BigInt(this.n)) + v;
  }
  value(what: SumWhat, account?: string): number {
    return this.big === null ? this.n : exactFen(this.big, what, account);
  }
}

/** The exact sum of fen amounts (each an integer number). */
export function sumFen(values: Iterable<number>, what: SumWhat, account?: string): number {
  const s = new FenSum();
  if (Array.isArray(values)) {
    // Indexed, the Number sum inline: called on every kind of iterable, the generic loop
    // and its method call cost ~20 ns an element on the allocation's ten million shares.
    const xs = values as readonly number[];
    let n = 0;
    let i = 0;
    for (; i < xs.length; i++) {
      const t = n + xs[i]!;
      if (!Number.isSafeInteger(t)) break;
      n = t;
    }
    if (i === xs.length) return n;
    s.add(n);
    for (; i < xs.length; i++) s.add(xs[i]!);
    return s.value(what);
  }
  for (const v of values) s.add(v);
  return s.value(what, account);
}
