/**
 * Rows copied from Excel arrive as tab-separated text, one line per row:
 * memo, account, debit, credit, customer, employee — the editor's column order (trailing
 * columns optional). A first
 * row whose amounts are words (借方 / Debit) is a header and is skipped. Amounts are
 * parsed exactly (shared/money); a cell that is not an amount is reported, never guessed.
 */
import { parseAmount } from '../../../../shared/money';

export interface PastedRow {
  account: string;
  memo: string;
  debitFen: number | null;
  creditFen: number | null;
  customer: string;
  employee: string;
}

export type PasteResult = { ok: true; rows: PastedRow[] } | { ok: false; line: number; text: string };

/** True when the clipboard holds more than one cell (otherwise the input pastes as usual). */
export const isMultiCell = (text: string): boolean => /\t|\r?\n./.test(text.trimEnd());

function amount(cell: string): number | null | 'bad' {
  const s = cell.trim();
  if (!s || s === '-') return null;
  const r = parseAmount(s);
  return r.ok ? r.fen : 'bad';
}

export function parsePastedRows(text: string): PasteResult {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  while (lines.length && !lines.at(-1)!.trim()) lines.pop();
  const rows: PastedRow[] = [];
  for (const [i, line] of lines.entries()) {
    const cells = line.split('\t').map((c) => c.trim());
    const [memo = '', account = '', debit = '', credit = '', customer = '', employee = ''] = cells;
    if (!cells.some(Boolean)) continue;
    const d = amount(debit);
    const c = amount(credit);
    if (d === 'bad' || c === 'bad') {
      if (i === 0 && !/\d/.test(debit + credit)) continue; // a header row (借方 / Debit)
      return { ok: false, line: i + 1, text: d === 'bad' ? debit : credit };
    }
    rows.push({ account, memo, debitFen: d, creditFen: c, customer, employee });
  }
  return { ok: true, rows };
}
