/**
 * Evaluates a statement layout (layout.ts) over per-account amounts. The amounts come in
 * as one map per column (code → debit − credit, at the finest level the book posts to);
 * every line's formula is read once and evaluated per column, totals from the lines.
 */
import type { Side } from '../db/schema/account';
import type { StatementLayout, StatementLine } from './layout';
import { exactFen } from '../reports/exact';

/** Code → debit − credit, in BigInt: a line's accounts can sum past 2^53 fen (issue 16). */
export type Amounts = Map<string, bigint>;

export interface ChartFacts {
  side: (code: string) => Side;
  name: (code: string) => string | undefined;
}

type Term =
  | { sign: 1 | -1; kind: 'line'; line: number }
  | { sign: 1 | -1; kind: 'account'; code: string; part: '' | 'D' | 'C' }
  | { sign: 1 | -1; kind: 'named'; code: string; re: RegExp }
  | { sign: 1 | -1; kind: 'prefix'; code: string };

const TERM = /([+-]?)(#\d+|\d+\*|\d{4,8}(?:[DC]|\[[^\]]+\])?)/g;

const parsed = new Map<string, Term[]>();

/** Parses a formula once per process: the layouts are constant data. */
export function parseFormula(f: string): Term[] {
  const hit = parsed.get(f);
  if (hit) return hit;
  const terms = parse(f);
  parsed.set(f, terms);
  return terms;
}

function parse(f: string): Term[] {
  const compact = f.replace(/\s+/g, '');
  const terms: Term[] = [];
  let used = 0;
  for (const m of compact.matchAll(TERM)) {
    if (m.index !== used) break;
    used += m[0].length;
    const sign = m[1] === '-' ? -1 : 1;
    const t = m[2]!;
    if (t.startsWith('#')) terms.push({ sign, kind: 'line', line: Number(t.slice(1)) });
    else if (t.endsWith('*')) terms.push({ sign, kind: 'prefix', code: t.slice(0, -1) });
    else if (t.includes('[')) terms.push({ sign, kind: 'named', code: t.slice(0, t.indexOf('[')), re: new RegExp(t.slice(t.indexOf('[') + 1, -1)) });
    else if (t.endsWith('D') || t.endsWith('C')) terms.push({ sign, kind: 'account', code: t.slice(0, -1), part: t.slice(-1) as 'D' | 'C' });
    else terms.push({ sign, kind: 'account', code: t, part: '' });
  }
  // A formula the grammar does not read whole is a bug in the layout table, not user input.
  if (used !== compact.length) throw new Error(`statement formula not understood at "${compact.slice(used)}": ${f}`);
  return terms;
}

const oriented = (side: Side, debitMinusCredit: bigint) => (side === 'debit' ? debitMinusCredit : -debitMinusCredit);

function termValue(t: Exclude<Term, { kind: 'line' }>, line: StatementLine, amounts: Amounts, chart: ChartFacts): bigint {
  let sum = 0n;
  for (const [code, v] of amounts) {
    if (!code.startsWith(t.code)) continue;
    if (t.kind === 'prefix') sum += v;
    else if (t.kind === 'named') {
      // The sub-account itself or one of its parents below the named account.
      const names = [6, 8].filter((n) => n > t.code.length && n <= code.length).map((n) => chart.name(code.slice(0, n)) ?? '');
      if (names.some((n) => t.re.test(n))) sum += v;
    } else if (t.part === 'D') sum += v > 0n ? v : 0n;
    else if (t.part === 'C') sum += v < 0n ? -v : 0n;
    else sum += v;
  }
  if (t.kind === 'account' && t.part !== '') return sum;
  return oriented(t.kind === 'prefix' ? line.side : chart.side(t.code), sum);
}

export interface EvaluatedLine {
  def: StatementLine;
  values: number[];
}

/**
 * Every numbered line's amount per column, in layout order (captions included, with no values);
 * summed in BigInt, each a number only if the double is exactly it (else report.sumTooLarge).
 */
export function evaluate(layout: StatementLayout, columns: Amounts[], chart: ChartFacts): EvaluatedLine[] {
  const lines = [...layout.left, ...(layout.right ?? [])];
  const byNo = new Map(lines.filter((l) => l.line != null).map((l) => [l.line!, l]));
  const memo = new Map<number, bigint[]>();
  const valueOf = (l: StatementLine, depth = 0): bigint[] => {
    if (l.line != null && memo.has(l.line)) return memo.get(l.line)!;
    if (depth > lines.length) throw new Error(`statement line ${l.line} refers to itself`);
    const out = columns.map(() => 0n);
    for (const t of parseFormula(l.f ?? '')) {
      if (t.kind === 'line') {
        const ref = byNo.get(t.line);
        if (!ref) throw new Error(`statement line ${l.line} refers to missing line ${t.line}`);
        valueOf(ref, depth + 1).forEach((v, i) => (out[i]! += BigInt(t.sign) * v));
      } else columns.forEach((amounts, i) => (out[i]! += BigInt(t.sign) * termValue(t, l, amounts, chart)));
    }
    if (l.line != null) memo.set(l.line, out);
    return out;
  };
  return lines.map((def) => ({ def, values: def.kind === 'caption' ? [] : valueOf(def).map((v) => exactFen(v, 'statements')) }));
}

/** The item's name without the form's lead-ins and sign notes: '二、营业利润（亏损以“-”号填列）' → '营业利润'. */
export const plainItem = (printed: string): string =>
  printed
    .replace(/^(?:[一二三四五六七八九]、|（[一二三四五]）|减：|加：|其中：)/, '')
    .replace(/（[^（）]*填列）$/, '')
    .trim();
