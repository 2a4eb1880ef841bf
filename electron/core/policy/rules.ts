/**
 * Expense policy rules (docs/domain.md: Expense policy): reading them, and the facts about
 * categories, employees and customers that scoping needs. Rules are edited on the policy
 * screen; the defaults come from migration 0201.
 */
import type { Book } from '../book/book';
import type { PolicyRuleTable } from '../db/schema/claims-control';
import type { Selectable } from 'kysely';
import { builder } from '../db/query';
import { precompiled } from '../db/precompiled';

export type PolicyRule = Selectable<PolicyRuleTable>;

// Both compiled once (db/precompiled.ts): every policy evaluation reads them (~260 in the demo book).
const activeRulesQuery = precompiled(() => builder.selectFrom('policy_rule').selectAll().where('active', '=', 1).orderBy('id'), 0);
const categoryFactsQuery = precompiled(() => builder.selectFrom('category').select(['id', 'code', 'name', 'name_en', 'is_client', 'account_code']), 0);

export const activeRules = (book: Book): PolicyRule[] => book.db.all(activeRulesQuery());

export interface CategoryFacts {
  code: string;
  name: string;
  nameEn: string;
  isClient: boolean;
  account: string;
}

export function categoryFacts(book: Book): Map<number, CategoryFacts> {
  const rows = book.db.all(categoryFactsQuery());
  return new Map(rows.map((r) => [r.id, { code: r.code, name: r.name, nameEn: r.name_en, isClient: r.is_client === 1, account: r.account_code }]));
}

/**
 * Invoice numbers are compared ignoring width and spaces (NFKC), the same normalization the
 * Excel import uses for its own duplicate check, so both agree on what "the same invoice" is.
 */
export const invoiceKey = (s: string | null | undefined): string | null => {
  const k = (s ?? '').normalize('NFKC').replace(/\s+/g, '');
  return k === '' ? null : k;
};

/** Whole days from a to b (ISO dates). */
export function daysBetween(a: string, b: string): number {
  const t = (d: string) => Date.UTC(Number(d.slice(0, 4)), Number(d.slice(5, 7)) - 1, Number(d.slice(8, 10)));
  return Math.round((t(b) - t(a)) / 86_400_000);
}

export function isWeekend(date: string): boolean {
  const dow = new Date(Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10)))).getUTCDay();
  return dow === 0 || dow === 6;
}
