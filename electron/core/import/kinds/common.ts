/** Small helpers the import kinds share. */
import { hash } from 'node:crypto';
import { toHalfWidth } from '../../../../shared/money';
import { nameKey } from '../../../../shared/text';
import { isBlank, parseAmountValue, parseDateValue, type Plain } from '../values';
import type { Params } from '../kind';
import type { MessageCode } from '../../../../shared/messages/index';

/** A row's identity for duplicate detection across batches: kind prefix + normalised parts. */
export function fingerprint(prefix: string, parts: (string | number | null)[]): string {
  const body = [prefix, ...parts.map((p) => (typeof p === 'string' ? nameKey(p) : String(p)))].join('\u001f');
  // One-shot hash: no Hash object per row (the same digest as createHash, so stored fingerprints still match).
  return hash('sha1', body, 'base64');
}

export type Fail = { ok: false; code: MessageCode; params?: Params };
export const fail = (code: string, params?: Params): Fail => ({ ok: false, code: code as MessageCode, ...(params ? { params } : {}) });

/** A period cell: 2026-10, 2026/10, 2026.10, 2026年10月, or any date inside the month. */
export function parsePeriodValue(v: Plain): { ok: true; period: string } | Fail {
  if (isBlank(v)) return fail('import.reject.period.missing');
  if (typeof v === 'string') {
    const s = toHalfWidth(v).trim();
    const m = /^(\d{4})\s*(?:[-/.]|年)\s*(\d{1,2})\s*月?$/.exec(s);
    if (m) {
      const month = Number(m[2]);
      if (month < 1 || month > 12) return fail('import.reject.date.noSuchMonth');
      return { ok: true, period: `${m[1]}-${String(month).padStart(2, '0')}` };
    }
  }
  const d = parseDateValue(v);
  if (!d.ok) return fail('import.reject.period.invalid');
  return { ok: true, period: d.date.slice(0, 7) };
}

/**
 * Debit and credit columns of one row: exactly one side with a non-zero amount; a
 * negative amount on one side is the other side (accountants type -100 in 借方 for 贷方).
 */
export function parseSides(debit: Plain, credit: Plain): { ok: true; debitFen: number; creditFen: number } | Fail {
  const d = isBlank(debit) ? { ok: true as const, fen: 0 } : parseAmountValue(debit);
  if (!d.ok) return fail(`import.reject.${d.reason}`);
  const c = isBlank(credit) ? { ok: true as const, fen: 0 } : parseAmountValue(credit);
  if (!c.ok) return fail(`import.reject.${c.reason}`);
  if (d.fen !== 0 && c.fen !== 0) return fail('import.reject.amount.bothSides');
  if (d.fen === 0 && c.fen === 0) return fail('import.reject.amount.missing');
  const net = d.fen - c.fen;
  return net > 0 ? { ok: true, debitFen: net, creditFen: 0 } : { ok: true, debitFen: 0, creditFen: -net };
}
