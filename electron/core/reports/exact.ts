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
  value(what: SumWhat): number {
    return this.big === null ? this.n : exactFen(this.big, what);
  }
}

/** The exact sum of fen amounts (each an integer number). */
export function sumFen(values: Iterable<number>, what: SumWhat): number {
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
  return s.value(what);
}
