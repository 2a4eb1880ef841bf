/**
 * A VAT rate as people type it in a sheet: 6%, ６％, 6, 0.06, 0.13, 免税/不征税 (0). Read
 * exactly (text, never through floating point); only the statutory rates
 * (settings.ts OUTPUT_RATES) are accepted, as whole percent.
 */
import { OUTPUT_RATES } from './settings';

export function parseRate(cell: unknown): { ok: true; pct: number } | { ok: false } {
  const t = String(cell ?? '').normalize('NFKC').replace(/\s+/g, '');
  if (/^(免税|不征税|零税率)$/.test(t)) return { ok: true, pct: 0 };
  let pct: number | null = null;
  const percent = /^(\d{1,2})%$/.exec(t);
  const whole = /^(\d{1,2})$/.exec(t);
  const fraction = /^0?\.(\d{1,2})0*$/.exec(t);
  if (percent) pct = Number(percent[1]);
  else if (whole) pct = Number(whole[1]);
  else if (fraction) pct = Number(fraction[1]!.padEnd(2, '0'));
  return pct !== null && (OUTPUT_RATES as readonly number[]).includes(pct) ? { ok: true, pct } : { ok: false };
}
