/** Display helpers shared by the allocation pages: driver names and values, shares. */
import { formatFen } from '../../../../shared/money';
import type { T } from '../../i18n/index';

const BUILTIN = ['revenue', 'directCost', 'hours', 'equal', 'headcount'] as const;

export function driverLabel(t: T, driver: string): string {
  if ((BUILTIN as readonly string[]).includes(driver)) return t(`alloc.driver.${driver as (typeof BUILTIN)[number]}`);
  return driver.startsWith('table:') ? driver.slice(6) : driver;
}

/** Thousandths as an exact decimal (imported tables and hours are stored ×1000). */
function milli(v: number): string {
  const sign = v < 0 ? '-' : '';
  const a = Math.abs(v);
  const frac = String(a % 1000).padStart(3, '0').replace(/0+$/, '');
  return `${sign}${Math.trunc(a / 1000).toLocaleString()}${frac ? `.${frac}` : ''}`;
}

export function driverValue(driver: string, v: number): string {
  if (driver === 'revenue' || driver === 'directCost') return formatFen(v);
  if (driver === 'hours' || driver.startsWith('table:')) return milli(v);
  return v.toLocaleString();
}

const shareFormat = new Intl.NumberFormat(undefined, { style: 'percent', minimumFractionDigits: 2, maximumFractionDigits: 2 });

export function share(num: number, den: number): string {
  if (den === 0) return '';
  return shareFormat.format(num / den);
}

