/**
 * Allocation rules (docs/domain.md: Cost allocation): pool (accounts incl. their children, an
 * optional department filter) → driver → targets. Rules live in named rule sets; the
 * set 'default' is what `allocate` and the 成本分配 screen run. A run stores a JSON
 * snapshot of the rules it used, so later edits never change what a run explains.
 */
import { UserError } from '../../../shared/errors';
import type { Book } from '../book/book';

import type { Rule, Target } from '../../../shared/contract/allocation';

export type { Rule, Target };
export type Method = Rule['method'];

export const BUILTIN_DRIVERS = ['revenue', 'directCost', 'hours', 'equal', 'headcount'] as const;

export function isKnownDriver(d: string): boolean {
  return (BUILTIN_DRIVERS as readonly string[]).includes(d) || (d.startsWith('table:') && d.length > 6);
}

interface RuleRow {
  id: number;
  seq: number;
  name: string;
  method: Method;
  accounts: string;
  department_id: number | null;
  driver: string;
  target: string;
  active: number;
}

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
  return (book.sqlite.prepare('SELECT * FROM alloc_rule WHERE rule_set = ? ORDER BY seq, id').all(ruleSet) as RuleRow[]).map(fromRow);
}

export function ruleSets(book: Book): string[] {
  return (book.sqlite.prepare('SELECT DISTINCT rule_set FROM alloc_rule ORDER BY rule_set').all() as { rule_set: string }[]).map((r) => r.rule_set);
}

export function checkRule(book: Book, rule: Rule): void {
  if (!rule.name.trim()) throw new UserError('allocation.ruleNameRequired');
  if (rule.accounts.length === 0) throw new UserError('allocation.ruleNoAccounts', { rule: rule.name });
  const exists = book.sqlite.prepare('SELECT 1 FROM account WHERE code = ?');
  for (const a of rule.accounts) if (!exists.get(a)) throw new UserError('allocation.ruleUnknownAccount', { rule: rule.name, account: a });
  if (!isKnownDriver(rule.driver)) throw new UserError('allocation.unknownDriver', { rule: rule.name, driver: rule.driver });
  // Headcount splits between departments: only a step-down service department uses it.
  if (rule.driver === 'headcount' && rule.method !== 'stepdown') throw new UserError('allocation.unknownDriver', { rule: rule.name, driver: rule.driver });
  if (rule.method === 'stepdown' && rule.departmentId === null) throw new UserError('allocation.stepdownNeedsDepartment', { rule: rule.name });
  if (rule.departmentId !== null && !book.sqlite.prepare('SELECT 1 FROM department WHERE id = ?').get(rule.departmentId)) {
    throw new UserError('allocation.unknownDepartment', { rule: rule.name, id: rule.departmentId });
  }
}

/** Creates (no id) or replaces (id) one rule. Runs inside the caller's book.tx. */
export function saveRule(book: Book, rule: Rule, ruleSet = 'default'): number {
  checkRule(book, rule);
  const values = [rule.seq, rule.name.trim(), rule.method, JSON.stringify(rule.accounts), rule.departmentId, rule.driver, JSON.stringify(rule.target), rule.active ? 1 : 0];
  const clash = book.sqlite.prepare('SELECT id FROM alloc_rule WHERE rule_set = ? AND name = ?').get(ruleSet, rule.name.trim()) as { id: number } | undefined;
  if (clash && clash.id !== rule.id) throw new UserError('allocation.ruleNameTaken', { rule: rule.name });
  if (rule.id !== undefined) {
    const before = book.sqlite.prepare('SELECT * FROM alloc_rule WHERE id = ?').get(rule.id) as RuleRow | undefined;
    if (!before) throw new UserError('allocation.ruleNotFound', { id: rule.id });
    book.sqlite
      .prepare('UPDATE alloc_rule SET seq = ?, name = ?, method = ?, accounts = ?, department_id = ?, driver = ?, target = ?, active = ? WHERE id = ?')
      .run(...values, rule.id);
    book.audit({ action: 'allocation.rule.update', entity: 'alloc_rule', entityId: rule.id, before: fromRow(before), after: rule });
    return rule.id;
  }
  const id = Number(
    book.sqlite
      .prepare('INSERT INTO alloc_rule (rule_set, seq, name, method, accounts, department_id, driver, target, active) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)')
      .run(ruleSet, ...values).lastInsertRowid,
  );
  book.audit({ action: 'allocation.rule.create', entity: 'alloc_rule', entityId: id, after: { ...rule, ruleSet } });
  return id;
}

export function deleteRule(book: Book, id: number): void {
  const before = book.sqlite.prepare('SELECT * FROM alloc_rule WHERE id = ?').get(id) as RuleRow | undefined;
  if (!before) throw new UserError('allocation.ruleNotFound', { id });
  book.sqlite.prepare('DELETE FROM alloc_rule WHERE id = ?').run(id);
  book.audit({ action: 'allocation.rule.delete', entity: 'alloc_rule', entityId: id, before: fromRow(before) });
}
