/**
 * Every value we put into a spreadsheet cell goes through safeCell: text is written as
 * text, never as a formula (formula injection: a memo `=HYPERLINK("http://x")` or
 * `+cmd|' /C calc'!A0` from an imported sheet must stay inert in the owner's Excel).
 *
 * exceljs writes a JS string as a string cell (shared string / inline string, no <f>);
 * only an object with `formula` becomes a formula. So the rule is: never hand exceljs an
 * object that came from data, and hand it strings exactly as they are — the accountant's
 * memo keeps its text, it just cannot run. Characters XML 1.0 forbids (control chars from
 * pasted text) would make the file unreadable; they are dropped.
 */

// XML 1.0 allows tab, LF, CR and everything from U+0020 up (minus lone surrogates / FFFE-FFFF).
// eslint-disable-next-line no-control-regex
const XML_ILLEGAL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

export type SafeValue = string | number | boolean | Date | null;

/** Text for a cell: always a plain string value, XML-clean; Excel's 32,767-character limit kept. */
// eslint-disable-next-line no-control-regex
const NEEDS_CLEANING = /[\u0000-\u0008\u000B-\u001F\uD800-\uDFFF\uFFFE\uFFFF]/;

export function safeText(value: string): string {
  // Fast path: almost every cell is clean (a journal writes hundreds of thousands).
  if (value.length <= 32_767 && !NEEDS_CLEANING.test(value)) return value;
  // XML turns a bare CR into LF on reading anyway; say so up front (CRLF → LF).
  const clean = value.replace(XML_ILLEGAL, '').replace(/\r\n?/g, '\n');
  return clean.length > 32_767 ? clean.slice(0, 32_767) : clean;
}

/**
 * A cell value exceljs will write as data, never as a formula: strings stay strings
 * (formula-looking ones included), finite numbers stay numbers, anything else
 * (objects such as {formula}, {richText}, NaN) becomes its text.
 */
export function safeCell(value: unknown): SafeValue {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string') return safeText(value);
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value === 'boolean') return value;
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value;
  if (typeof value === 'object' && 'text' in value && typeof value.text === 'string') return safeText(value.text);
  return safeText(JSON.stringify(value) ?? '');
}

/** A worksheet name Excel accepts: no []:*?/\, not blank, no leading/trailing apostrophe, ≤ 31 chars, unique in `taken`. */
export function safeSheetName(wanted: string, taken: Set<string>): string {
  // eslint-disable-next-line no-control-regex
  let base = wanted.replace(/[[\]:*?/\\\u0000-\u001F]/g, ' ').replace(/\s+/g, ' ').trim().replace(/^'+|'+$/g, '');
  if (!base) base = 'Sheet';
  const fits = (s: string, suffix = '') => [...s].slice(0, 31 - suffix.length).join('') + suffix;
  let name = fits(base);
  // Excel compares sheet names case-insensitively and reserves "History".
  const used = (s: string) => taken.has(s.toLowerCase()) || s.toLowerCase() === 'history';
  for (let n = 2; used(name); n++) name = fits(base, ` (${n})`);
  taken.add(name.toLowerCase());
  return name;
}
