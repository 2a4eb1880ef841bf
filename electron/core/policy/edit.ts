/** Editing policy rules on the policy screen; every change is audited. */
import { UserError } from '../../../shared/errors';
import type { PolicyRuleRow } from '../../../shared/contract/policy';
import type { Book } from '../book/book';
import type { PolicyKind } from '../db/schema/claims-control';
import type { PolicyRule } from './rules';

const NEEDS_AMOUNT: PolicyKind[] = ['item_cap', 'day_cap', 'month_cap'];

export const toRuleRow = (r: PolicyRule): PolicyRuleRow => ({
  id: r.id,
  kind: r.kind,
  action: r.action,
  amountFen: r.amount_fen,
  days: r.days,
  categoryCode: r.category_code,
  employeeId: r.employee_id,
  departmentId: r.department_id,
  customerTier: r.customer_tier,
  active: r.active === 1,
  note: r.note,
});

export const listRules = (book: Book): PolicyRuleRow[] => book.db.all(book.q.selectFrom('policy_rule').selectAll().orderBy('id')).map(toRuleRow);

export interface RuleInput {
  id?: number | undefined;
  kind: PolicyKind;
  action: 'warn' | 'block';
  amountFen?: number | null | undefined;
  days?: number | null | undefined;
  categoryCode?: string | null | undefined;
  employeeId?: number | null | undefined;
  departmentId?: number | null | undefined;
  customerTier?: string | null | undefined;
  active: boolean;
  note?: string | undefined;
}

export function saveRule(book: Book, input: RuleInput): PolicyRuleRow {
  if (NEEDS_AMOUNT.includes(input.kind) && input.amountFen == null) throw new UserError('policy.needsAmount');
  if (input.kind === 'old_date' && input.days == null) throw new UserError('policy.needsDays');
  const values = {
    kind: input.kind,
    action: input.action,
    amount_fen: input.amountFen ?? null,
    days: input.days ?? null,
    category_code: input.categoryCode || null,
    employee_id: input.employeeId ?? null,
    department_id: input.departmentId ?? null,
    customer_tier: input.customerTier || null,
    active: input.active ? 1 : 0,
    note: input.note ?? '',
  };
  let id = input.id;
  if (id !== undefined) {
    const before = book.db.first(book.q.selectFrom('policy_rule').selectAll().where('id', '=', id));
    if (!before) throw new UserError('policy.notFound', { id });
    book.db.run(book.q.updateTable('policy_rule').set(values).where('id', '=', id));
    book.audit({ action: 'policy.update', entity: 'policy_rule', entityId: id, before, after: values });
  } else {
    id = Number(book.db.run(book.q.insertInto('policy_rule').values(values)).lastInsertRowid);
    book.audit({ action: 'policy.create', entity: 'policy_rule', entityId: id, after: values });
  }
  return toRuleRow(book.db.first(book.q.selectFrom('policy_rule').selectAll().where('id', '=', id))!);
}

export function deleteRule(book: Book, id: number): boolean {
  const before = book.db.first(book.q.selectFrom('policy_rule').selectAll().where('id', '=', id));
  if (!before) throw new UserError('policy.notFound', { id });
  book.db.run(book.q.deleteFrom('policy_rule').where('id', '=', id));
  book.audit({ action: 'policy.delete', entity: 'policy_rule', entityId: id, before });
  return true;
}
