/**
 * Cell values as people type them into Excel (docs/domain.md: Excel import → Values): dates as
 * date cells, serial numbers or text in four spellings; amounts as numbers or text with
 * currency marks, separators, full-width digits and (123.00) for negative; formula cells
 * by their cached result. Nothing is guessed: an ambiguous or impossible value is a
 * typed reason, never a silent fix.
 */
import { numberToFen, parseAmount, toHalfWidth, type AmountError } from '../../../shared/money';

/** What exceljs hands us for one cell, after formulas and rich text are unwrapped. */
export type Plain = string | number | boolean | Date | null;

/**
 * OOXML escapes characters XML cannot hold as `_xHHHH_` (ECMA-376 Part 1, §22.9.2.19 ST_Xstring):
 * `_x000D_` is a carriage return, and `_x005F_` a literal underscore, so `_x005F_x000D_` is the
 * text "_x000D_". exceljs leaves them as written; one left-to-right pass decodes them the way Excel does.
 */
export const decodeXstring = (s: string): string => (s.includes('_x') ? s.replace(/_x([0-9A-Fa-f]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))) : s);

/** Unwraps formula results, rich text, hyperlinks and errors to a plain value. */
export function plain(v: unknown): Plain {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string') return decodeXstring(v);
  if (typeof v === 'number' || typeof v === 'boolean' || v instanceof Date) return v;
  if (typeof v === 'object') {
    const o = v as Record<string, unknown>;
    if ('result' in o || 'formula' in o || 'sharedFormula' in o) return plain(o.result);
    if (Array.isArray(o.richText)) return decodeXstring((o.richText as { text?: string }[]).map((r) => r.text ?? '').join(''));
    if (typeof o.text === 'string') return decodeXstring(o.text);
    if ('error' in o) return null;
  }
  return null;
}

/** The text a person sees in a cell (for names, descriptions, invoice numbers). */
export function cellText(v: Plain): string {
  if (v === null) return '';
  if (v instanceof Date) return isoFromUtc(v) ?? '';
  return String(v).trim();
}

export const isBlank = (v: Plain): boolean => v === null || (typeof v === 'string' && v.trim() === '');

export type DateReason = 'date.missing' | 'date.invalid' | 'date.noSuchMonth' | 'date.noSuchDay' | 'date.ambiguous';
export type DateParse = { ok: true; date: string } | { ok: false; reason: DateReason };

const pad = (n: number) => String(n).padStart(2, '0');

function isoFromUtc(d: Date): string | null {
  if (Number.isNaN(d.getTime())) return null;
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

/** The years a date may fall in, however it is written (text, date cell or serial number). */
const MIN_YEAR = 1900;
const MAX_YEAR = 2999;

function ymd(y: number, m: number, d: number): DateParse {
  if (y < MIN_YEAR || y > MAX_YEAR) return { ok: false, reason: 'date.invalid' };
  if (m < 1 || m > 12) return { ok: false, reason: 'date.noSuchMonth' };
  const days = new Date(Date.UTC(y, m, 0)).getUTCDate();
  if (d < 1 || d > days) return { ok: false, reason: 'date.noSuchDay' };
  return { ok: true, date: `${y}-${pad(m)}-${pad(d)}` };
}

/** Excel's 1900 date system: serial 25569 is 1970-01-01 (serials below 61 sit before Excel's fake 1900-02-29). */
export function serialToDate(serial: number): DateParse {
  if (!Number.isFinite(serial) || serial < 61 || serial >= 2958466) return { ok: false, reason: 'date.invalid' };
  const days = Math.floor(serial) - 25569;
  return fromUtc(new Date(days * 86400000));
}

/** A date cell or serial passes the same year bounds as the text spellings (9999-12-31 is refused either way). */
function fromUtc(d: Date): DateParse {
  if (Number.isNaN(d.getTime())) return { ok: false, reason: 'date.invalid' };
  return ymd(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
}

const YMD = /^(\d{4})\s*([-/.])\s*(\d{1,2})\s*\2\s*(\d{1,2})(?:[T\s]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?Z?)?$/;
const CN = /^(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*[日号]?$/;
const DMY = /^(\d{1,2})\s*([-/.])\s*(\d{1,2})\s*\2\s*(\d{4})$/;

/** Parses a date cell: a date, an Excel serial number, or text in one of the accepted spellings. */
export function parseDateValue(v: Plain): DateParse {
  if (v === null || isBlank(v)) return { ok: false, reason: 'date.missing' };
  if (v instanceof Date) return fromUtc(v);
  if (typeof v === 'number') return serialToDate(v);
  if (typeof v === 'boolean') return { ok: false, reason: 'date.invalid' };
  const s = toHalfWidth(v).trim();
  let m = YMD.exec(s);
  if (m) return ymd(Number(m[1]), Number(m[3]), Number(m[4]));
  m = CN.exec(s);
  if (m) return ymd(Number(m[1]), Number(m[2]), Number(m[3]));
  m = DMY.exec(s);
  if (m) {
    const a = Number(m[1]);
    const b = Number(m[3]);
    const y = Number(m[4]);
    // 03/05/2026 is 3 May or March 5: refuse to guess. 25/05/2026 or 05/05/2026 can only mean one day.
    if (a <= 12 && b <= 12 && a !== b) return { ok: false, reason: 'date.ambiguous' };
    return a > 12 ? ymd(y, b, a) : ymd(y, a, b);
  }
  return { ok: false, reason: 'date.invalid' };
}

export type AmountReason = 'amount.missing' | 'amount.invalid' | 'amount.tooManyDecimals' | 'amount.tooLarge';
export type AmountValue = { ok: true; fen: number } | { ok: false; reason: AmountReason };

const AMOUNT_REASON: Record<AmountError, AmountReason> = {
  empty: 'amount.missing',
  'not-a-number': 'amount.invalid',
  'too-many-decimals': 'amount.tooManyDecimals',
  'too-large': 'amount.tooLarge',
};

/** Parses an amount cell to integer fen: numbers through their shortest decimal text, text exactly. */
export function parseAmountValue(v: Plain): AmountValue {
  if (v === null || isBlank(v)) return { ok: false, reason: 'amount.missing' };
  if (typeof v === 'boolean' || v instanceof Date) return { ok: false, reason: 'amount.invalid' };
  const r = typeof v === 'number' ? numberToFen(v) : parseAmount(v);
  return r.ok ? { ok: true, fen: r.fen } : { ok: false, reason: AMOUNT_REASON[r.error] };
}

/**
 * A quantity (hours, driver values) in thousandths: the same exact text parsing as money,
 * with three decimals allowed. 1.5 hours is 1500.
 */
export function parseMilliValue(v: Plain): AmountValue {
  if (v === null || isBlank(v)) return { ok: false, reason: 'amount.missing' };
  if (typeof v === 'boolean' || v instanceof Date) return { ok: false, reason: 'amount.invalid' };
  const text = typeof v === 'number' ? String(v) : toHalfWidth(v).replace(/[\s,]/g, '');
  if (/e/i.test(text)) return { ok: false, reason: 'amount.invalid' };
  const m = /^(-?)(\d*)(?:\.(\d*))?$/.exec(text);
  if (!m || (m[2] === '' && !m[3])) return { ok: false, reason: 'amount.invalid' };
  const decimals = (m[3] ?? '').replace(/0+$/, '');
  if (decimals.length > 3) return { ok: false, reason: 'amount.tooManyDecimals' };
  if ((m[2] ?? '').replace(/^0+/, '').length > 12) return { ok: false, reason: 'amount.tooLarge' };
  const value = Number(m[2] || '0') * 1000 + Number(decimals.padEnd(3, '0'));
  return { ok: true, fen: m[1] === '-' && value !== 0 ? -value : value };
}

/** Invoice numbers keep their leading zeros when typed as text; a numeric cell is its digits. */
export function invoiceText(v: Plain): string | null {
  if (isBlank(v)) return null;
  const s = typeof v === 'number' ? String(v) : cellText(v);
  const norm = s.normalize('NFKC').replace(/\s+/g, '');
  return norm === '' ? null : norm;
}
