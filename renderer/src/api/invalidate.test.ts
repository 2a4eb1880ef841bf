/** The one map from written tables to stale query keys: what a write refreshes, and that an unknown table refreshes everything. */
import { QueryClient } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import { invalidateFor, staleDomains } from './invalidate';

describe('book.changed → stale queries', () => {
  it('a customer write makes customer lists, pickers and every summary stale, but not the policy page', () => {
    const d = staleDomains(['customer'])!;
    for (const k of ['customers', 'claims', 'reports', 'app', 'ledger']) expect(d.has(k), k).toBe(true);
    expect(d.has('policy')).toBe(false);
  });

  it('a table the map does not know makes everything stale', () => {
    expect(staleDomains(['customer', 'some_new_table'])).toBeNull();
  });

  it('invalidates exactly the queries of the stale domains; another book invalidates all', async () => {
    const client = new QueryClient();
    client.setQueryData(['customers', 'customers.page', {}], 1);
    client.setQueryData(['policy', 'policy.list', {}], 2);
    invalidateFor(client, { type: 'book.changed', tables: ['customer'] });
    expect(client.getQueryState(['customers', 'customers.page', {}])?.isInvalidated).toBe(true);
    expect(client.getQueryState(['policy', 'policy.list', {}])?.isInvalidated).toBe(false);
    invalidateFor(client, { type: 'book.opened', path: null });
    expect(client.getQueryState(['policy', 'policy.list', {}])?.isInvalidated).toBe(true);
  });
});

describe('what each page writes refreshes what it shows', () => {
  // Each page reads only through queries (no reload counters): a write it makes must mark its own answers stale.
  const cases: [string, string[], string[]][] = [
    ['a voucher saved, reviewed, posted, reversed or deleted', ['voucher'], ['vouchers', 'periods', 'ledger']],
    ['结转损益, 结账 and 反结账', ['period', 'voucher'], ['periods', 'vouchers', 'ledger']],
    ['凭证设置 and 账套设置', ['book_meta'], ['book', 'vouchers']],
    ['a customer edited in the grid', ['customer'], ['customers', 'masters']],
    ['an employee edited in the grid', ['employee'], ['employees', 'masters']],
    ['a department renamed (the employees grid names it)', ['department'], ['departments', 'employees']],
    ['a category edited', ['category'], ['categories']],
    ['a sub-account added to the chart', ['account'], ['accounts', 'ledger', 'masters']],
    ['a budget saved or deleted', ['budget'], ['budgets', 'claims']],
    ['a user created, edited or given a password', ['app_user', 'user'], ['users', 'claims']],
    ['a policy rule saved or deleted', ['policy_rule'], ['policy', 'claims']],
    ['the approval chain saved', ['approval_level'], ['policy', 'claims', 'users']],
    ['a claim saved, submitted, approved, rejected or paid, a receipt attached', ['claim', 'claim_step', 'claim_receipt', 'voucher'], ['claims', 'budgets', 'vouchers']],
    ['a schedule created or a period run', ['schedule', 'schedule_entry', 'voucher'], ['schedules', 'vouchers', 'ledger']],
    ['fee income booked', ['voucher'], ['vouchers', 'schedules', 'profitability']],
    ['an allocation rule saved', ['alloc_rule'], ['allocation', 'profitability']],
    ['an import undone', ['import_batch', 'claim', 'voucher'], ['import', 'claims', 'vouchers']],
    ['an import run: its lines, rejects, claims and vouchers', ['import_batch', 'import_line', 'import_reject', 'claim', 'claim_line', 'voucher', 'voucher_line', 'ledger_total'], ['import', 'claims', 'vouchers', 'budgets']],
    ['an allocation run stored', ['alloc_run', 'alloc_line'], ['allocation', 'profitability']],
    ['凭证整理 renumbered a period', ['voucher', 'voucher_renumber'], ['vouchers', 'ledger']],
  ];
  for (const [what, tables, readers] of cases) {
    it(what, () => {
      const stale = staleDomains(tables);
      expect(stale, 'every table is mapped').not.toBeNull();
      for (const d of readers) expect(stale!.has(d), d).toBe(true);
    });
  }

  it('a page of a paged list and its every-page list go stale together (their keys share the domain)', () => {
    const client = new QueryClient();
    client.setQueryData(['accounts', 'accounts.page', { limit: 1000 }, 'all'], []);
    client.setQueryData(['accounts', 'accounts.page', { after: null, limit: 100 }], { rows: [], next: null });
    invalidateFor(client, { type: 'book.changed', tables: ['account'] });
    expect(client.getQueryState(['accounts', 'accounts.page', { limit: 1000 }, 'all'])?.isInvalidated).toBe(true);
    expect(client.getQueryState(['accounts', 'accounts.page', { after: null, limit: 100 }])?.isInvalidated).toBe(true);
  });
});
