/** Accounting periods are calendar months written `YYYY-MM`. */
export type Period = string & { readonly __brand: 'Period' };

const PERIOD = /^(\d{4})-(0[1-9]|1[0-2])$/;

export const isPeriod = (s: string): s is Period => PERIOD.test(s);

export function period(s: string): Period {
  if (!isPeriod(s)) throw new RangeError(`not a period (YYYY-MM): ${s}`);
  return s;
}

export function addMonths(p: Period, n: number): Period {
  const [y, m] = p.split('-').map(Number) as [number, number];
  const idx = y * 12 + (m - 1) + n;
  const yy = Math.floor(idx / 12);
  const mm = (idx % 12) + 1;
  return period(`${yy.toString().padStart(4, '0')}-${mm.toString().padStart(2, '0')}`);
}

/** Inclusive list of periods from..to. */
export function periodRange(from: Period, to: Period): Period[] {
  const out: Period[] = [];
  for (let p = from; p <= to; p = addMonths(p, 1)) out.push(p);
  return out;
}

export function lastDay(p: Period): string {
  const [y, m] = p.split('-').map(Number) as [number, number];
  const days = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return `${p}-${days.toString().padStart(2, '0')}`;
}

/** True for a real calendar date written YYYY-MM-DD. */
export function isIsoDate(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (mo < 1 || mo > 12 || d < 1) return false;
  return d <= new Date(Date.UTC(y, mo, 0)).getUTCDate();
}
