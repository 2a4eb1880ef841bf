/**
 * Allocation rules (docs/domain.md: Cost allocation): pool (accounts incl. their children, an
 * optional department filter) → driver → targets. Rules live in named rule sets; the
 * set 'default' is what `allocate` and the 成本分配 screen run. A run stores a JSON
 * snapshot of the rules it used, so later edits never change what a run explains.
 */
import { UserError } from '../../../shared/errors';
import type { Book } from '../book/book';
import type { Selectable } from 'kysely';
import type { AllocRuleTable } from '../db/schema/allocation';
import type { Rule, Target } from '../../../shared/contract/allocation';

export type { Rule, Target };
export type Method = Rule['method'];

export const BUILTIN_DRIVERS = ['revenue', 'directCost', 'hours', 'equal', 'headcount'] as const;

export function isKnownDriver(d: string): boolean {
  return (BUILTIN_DRIVERS as readonly string[]).includes(d) || (d.startsWith('table:') && d.length > 6);
}

type RuleRow = Selectable<AllocRuleTable>;

const fromRow = (r: RuleRow): Rule => ({
  id: r.id,
  seq: r.seq,
  name: r.name,
  method: r.method,
  accounts: JSON.parse(r.accounts) as string[],
  departmentId: r.department_id,
  driver: r.driver,
  target: JSON.parse(r.target) as Target,
  active: r.active === 1,
});

export function listRules(book: Book, ruleSet = 'default'): Rule[] {
  return book.db.all(book.q.selectFrom('alloc_rule').selectAll().where('rule_set', '=', ruleSet).orderBy('seq').orderBy('id')).map(fromRow);
}

export function ruleSets(book: Book): string[] {
  return book.db.all(book.q.selectFrom('alloc_rule').select('rule_set').distinct().orderBy('rule_set')).map((r) => r.rule_set);
}

export function checkRule(book: Book, rule: Rule): void {
  if (!rule.name.trim()) throw new UserError('allocation.ruleNameRequired');
  if (rule.accounts.length === 0) throw new UserError('allocation.ruleNoAccounts', { rule: rule.name });
  const exists = (code: string) => book.db.first(book.q.selectFrom('account').select('code').where('code', '=', code)) !== undefined;
  for (const a of rule.accounts) if (!exists(a)) throw new UserError('allocation.ruleUnknownAccount', { rule: rule.name, account: a });
  if (!isKnownDriver(rule.driver)) throw new UserError('allocation.unknownDriver', { rule: rule.name, driver: rule.driver });
  // Headcount splits between departments: only a step-down service department uses it.
  if (rule.driver === 'headcount' && rule.method !== 'stepdown') throw new UserError('allocation.unknownDriver', { rule: rule.name, driver: rule.driver });
  if (rule.method === 'stepdown' && rule.departmentId === null) throw new UserError('allocation.stepdownNeedsDepartment', { rule: rule.name });
  if (rule.departmentId !== null && !book.db.first(book.q.selectFrom('department').select('id').where('id', '=', rule.departmentId))) {
    throw new UserError('allocation.unknownDepartment', { rule: rule.name, id: rule.departmentId });
  }
}

/** Creates (no id) or replaces (id) one rule. Runs inside the caller's book.tx. */
export function saveRule(book: Book, rule: Rule, ruleSet = 'default'): number {
  checkRule(book, rule);
  const values = {
    seq: rule.seq,
    name: rule.name.trim(),
    method: rule.method,
    accounts: JSON.stringify(rule.accounts),
    department_id: rule.departmentId,
    driver: rule.driver,
    target: JSON.stringify(rule.target),
    active: rule.active ? 1 : 0,
  };
  const clash = book.db.first(book.q.selectFrom('alloc_rule').select('id').where('rule_set', '=', ruleSet).where('name', '=', values.name));
  if (clash && clash.id !== rule.id) throw new UserError('allocation.ruleNameTaken', { rule: rule.name });
  if (rule.id !== undefined) {
    const before = book.db.first(book.q.selectFrom('alloc_rule').selectAll().where('id', '=', rule.id));
    if (!before) throw new UserError('allocation.ruleNotFound', { id: rule.id });
    book.db.run(book.q.updateTable('alloc_rule').set(values).where('id', '=', rule.id));
    book.audit({ action: 'allocation.rule.update', entity: 'alloc_rule', entityId: rule.id, before: fromRow(before), after: rule });
    return rule.id;
  }
  const id = book.db.run(book.q.insertInto('alloc_rule').values({ rule_set: ruleSet, ...values })).lastInsertRowid;
  book.audit({ action: 'allocation.rule.create', entity: 'alloc_rule', entityId: id, after: { ...rule, ruleSet } });
  return id;
}

export function deleteRule(book: Book, id: number): void {
  const before = book.db.first(book.q.selectFrom('alloc_rule').selectAll().where('id', '=', id));
  if (!before) throw new UserError('allocation.ruleNotFound', { id });
  book.db.run(book.q.deleteFrom('alloc_rule').where('id', '=', id));
  book.audit({ action: 'allocation.rule.delete', entity: 'alloc_rule', entityId: id, before: fromRow(before) });
}
