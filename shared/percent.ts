/**
 * Percentages for people. Money stays integer fen: a share of two amounts is computed in
 * integers, and a ratio (a report's percent cell) is only formatted, never stored.
 */

/** part / whole as a whole percent, rounded half up, in integer arithmetic (whole > 0). */
export function percentOf(part: number, whole: number): number {
  return Math.floor((part * 200 + whole) / (2 * whole));
}

const formats = new Map<number, Intl.NumberFormat>();

/** A ratio as text: 0.2534 → "25.3%" (decimals: at most that many). */
export function formatRatio(ratio: number, decimals = 1): string {
  let f = formats.get(decimals);
  if (!f) formats.set(decimals, (f = new Intl.NumberFormat('en-US', { style: 'percent', maximumFractionDigits: decimals, useGrouping: false })));
  return f.format(ratio);
}
