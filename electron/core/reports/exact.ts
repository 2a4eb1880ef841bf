/**
 * Exact sums of fen for reports. One amount is bounded (MAX_AMOUNT_FEN, shared/money.ts),
 * but a sum of many rows can pass 2^53, where doubles skip integers: SQLite sums int64
 * exactly, read here as BigInt (better-sqlite3 safeIntegers), and JS-side totals are added
 * in BigInt. A result stays a number for the contract and workbooks only if the double is
 * exactly that integer (as trial-balance.ts does); otherwise the report is refused, typed,
 * never a figure off by a fen.
 */
import { UserError } from '../../../shared/errors';
import type { SumWhat } from '../../../shared/messages/reports';

const LIMIT_YUAN = '90,071,992,547,409.91';
const yuanText = (v: bigint): string => {
  const a = v < 0n ? -v : v;
  return `${v < 0n ? '-' : ''}${(a / 100n).toString().replace(/\B(?=(\d{3})+(?!\d))/g, ',')}.${(a % 100n).toString().padStart(2, '0')}`;
};

/** `v` as a number when the double is exactly it; else report.sumTooLarge naming `what`. */
export function exactFen(v: bigint | number, what: SumWhat): number {
  if (typeof v === 'number') return v;
  const n = Number(v);
  if (BigInt(n) !== v) throw new UserError('report.sumTooLarge', { what, sum: yuanText(v), limit: LIMIT_YUAN });
  return n;
}

/** The exact sum of fen amounts (each an integer number). */
export function sumFen(values: Iterable<number>, what: SumWhat): number {
  let t = 0n;
  for (const v of values) t += BigInt(v);
  return exactFen(t, what);
}
