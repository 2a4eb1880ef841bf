/**
 * What-if: two rule sets on the same period, side by side, per customer and per pool.
 * Reads only — nothing is stored or posted, so the book file stays byte-for-byte the same.
 */
import type { Book } from '../book/book';
import type { AllocationResult, WhatIfResult } from '../../../shared/contract/allocation';
import { listRules, type Rule } from './rules';
import { compute } from './runs';
import { sumFen } from '../reports/exact';

export interface RuleChoice {
  ruleSet?: string | undefined;
  rules?: Rule[] | undefined;
}

const rulesOf = (book: Book, c: RuleChoice): Rule[] => c.rules ?? listRules(book, c.ruleSet ?? 'default');

export function whatIf(book: Book, period: string, a: RuleChoice, b: RuleChoice): WhatIfResult {
  const ra = compute(book, period, rulesOf(book, a));
  const rb = compute(book, period, rulesOf(book, b));
  const rows = new Map<number, WhatIfResult['customers'][number]>();
  const add = (r: AllocationResult, side: 'aFen' | 'bFen') => {
    for (const p of r.pools) {
      for (const l of p.lines) {
        if (l.customerId === null) continue;
        let row = rows.get(l.customerId);
        if (!row) rows.set(l.customerId, (row = { customerId: l.customerId, code: l.code, name: l.name, aFen: 0, bFen: 0, diffFen: 0 }));
        row[side] = sumFen([row[side], l.amountFen], 'pool');
      }
    }
  };
  add(ra, 'aFen');
  add(rb, 'bFen');
  const customers = [...rows.values()].map((r) => ({ ...r, diffFen: sumFen([r.bFen, -r.aFen], 'pool') })).sort((x, y) => x.code.localeCompare(y.code));
  return { period: ra.period, a: ra, b: rb, customers };
}
