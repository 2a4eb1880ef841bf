/**
 * Money is an integer number of fen (分). It is parsed from decimal text and never
 * passes through floating point (1.005 × 100 rounds to 100 in binary, not 101).
 */
export type Fen = number & { readonly __brand: 'Fen' };

export const fen = (n: number): Fen => {
  if (!Number.isSafeInteger(n)) throw new RangeError(`not an integer number of fen: ${n}`);
  return n as Fen;
};

export type AmountError = 'empty' | 'not-a-number' | 'too-many-decimals' | 'too-large';
export type AmountParse = { ok: true; fen: Fen } | { ok: false; error: AmountError };

const FULLWIDTH = /[\uFF01-\uFF5E]/g;
/** Full-width ASCII forms (１２３，．) to their half-width twins. */
export const toHalfWidth = (s: string): string =>
  s.replace(FULLWIDTH, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).replace(/\u3000/g, ' ');

const CURRENCY = /(RMB|CNY|人民币|元|¥|￥)/gi;

/**
 * Parses an amount typed by a person: "1,234.5", "￥1,234.50元", "(123.00)", "１２３".
 * More than two decimals is an error, never rounded.
 */
/**
 * The largest amount the book admits, in fen: 9,999,999,999,999.99 yuan (parseAmount's 13
 * whole digits and two decimals), every fen field of the contract is bounded by it (±). One
 * amount is then far inside 2^53, but no per-amount bound keeps a sum of unboundedly many
 * rows there (ten of them pass it), so reports sum exactly (BigInt, electron/core/reports/exact.ts).
 */
export const MAX_AMOUNT_FEN = 999_999_999_999_999;

export function parseAmount(input: string): AmountParse {
  let s = toHalfWidth(input).replace(CURRENCY, '').replace(/[\s\u00a0]/g, '');
  if (s === '') return { ok: false, error: 'empty' };
  let negative = false;
  if (/^\(.*\)$/.test(s)) {
    negative = true;
    s = s.slice(1, -1);
  }
  if (s.startsWith('-')) {
    negative = !negative;
    s = s.slice(1);
  } else if (s.startsWith('+')) s = s.slice(1);
  // Thousands separators only between digit groups of three.
  if (s.includes(',')) {
    if (!/^\d{1,3}(,\d{3})+(\.\d*)?$/.test(s)) return { ok: false, error: 'not-a-number' };
    s = s.replace(/,/g, '');
  }
  const m = /^(\d*)(?:\.(\d*))?$/.exec(s);
  if (!m || (m[1] === '' && (m[2] ?? '') === '')) return { ok: false, error: 'not-a-number' };
  const decimals = (m[2] ?? '').replace(/0+$/, '');
  if (decimals.length > 2) return { ok: false, error: 'too-many-decimals' };
  const whole = m[1] || '0';
  if (whole.replace(/^0+/, '').length > 13) return { ok: false, error: 'too-large' };
  const value = Number(whole) * 100 + Number(decimals.padEnd(2, '0'));
  return { ok: true, fen: fen(negative && value !== 0 ? -value : value) };
}

/**
 * Converts a number read from a spreadsheet cell to fen. The cell holds a binary double;
 * its shortest round-trip decimal text is what the user typed, so we parse that text.
 */
export function numberToFen(n: number): AmountParse {
  if (!Number.isFinite(n)) return { ok: false, error: 'not-a-number' };
  const text = String(n);
  // Exponent form appears only below 1e-6 (more than two decimals) or from 1e21 (too large).
  if (/e/i.test(text)) return { ok: false, error: Math.abs(n) >= 1 ? 'too-large' : 'too-many-decimals' };
  return parseAmount(text);
}

/** 123456 -> "1,234.56"; negative with a leading minus. */
export function formatFen(value: number, opts: { grouping?: boolean } = {}): string {
  const grouping = opts.grouping ?? true;
  const neg = value < 0;
  const abs = Math.abs(value);
  const yuan = Math.trunc(abs / 100);
  const cents = abs % 100;
  const yuanText = grouping ? yuan.toString().replace(/\B(?=(\d{3})+(?!\d))/g, ',') : yuan.toString();
  return `${neg ? '-' : ''}${yuanText}.${cents.toString().padStart(2, '0')}`;
}

/**
 * Fen to a JS number of yuan for a spreadsheet cell (display only, formatted #,##0.00).
 * The double nearest fen / 100: IEEE division of two exact integers rounds the true
 * quotient to nearest, which is the same double that parsing the text "1234.56" gives
 * (money.test.ts checks it against Number(formatFen(…))). Formatting and parsing text
 * per cell was a fifth of our writer's own time on a 100,000-row journal (200,000 cells).
 */
export const fenToYuanNumber = (value: number): number => value / 100 || 0;
