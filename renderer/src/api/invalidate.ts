/**
 * From what the engine says changed to which cached answers are stale: the one place that
 * maps book tables (the `book.changed` event, shared/contract/events.ts) to query keys.
 * A query key starts with its channel's domain (`customers` for `customers.page`, see
 * queries.ts), so a table names the domains whose answers read it. The summaries (home
 * cockpit and checklist, reports, ledger views, profitability) read nearly everything and
 * go stale on any change; a table not listed here makes every answer stale.
 */
import type { QueryClient } from '@tanstack/react-query';
import type { EngineEvent } from '../../../shared/contract/events';

type Domain = string;

const SUMMARIES: Domain[] = ['app', 'reports', 'ledger', 'profitability', 'periods', 'masters', 'invoices'];

const READERS: Record<string, Domain[]> = {
  book: ['book', 'backups'],
  book_meta: ['book', 'vouchers'],
  period: ['vouchers', 'allocation', 'schedules', 'claims'],
  account: ['accounts', 'vouchers', 'claims', 'allocation', 'schedules'],
  department: ['departments', 'employees', 'claims', 'budgets', 'allocation', 'schedules'],
  employee: ['employees', 'claims', 'users', 'allocation'],
  customer: ['customers', 'claims', 'allocation', 'schedules'],
  category: ['categories', 'claims', 'budgets', 'policy', 'import'],
  claim: ['claims', 'budgets', 'import', 'allocation'],
  claim_line: ['claims', 'budgets', 'import', 'allocation'],
  claim_step: ['claims'],
  claim_receipt: ['claims'],
  app_user: ['users', 'claims', 'vouchers'],
  user: ['users', 'claims', 'vouchers'],
  policy_rule: ['policy', 'claims'],
  approval_level: ['policy', 'claims', 'users'],
  budget: ['budgets', 'claims'],
  driver_value: ['allocation'],
  timesheet: ['allocation'],
  schedule: ['schedules', 'vouchers'],
  schedule_entry: ['schedules', 'vouchers'],
  alloc_rule: ['allocation'],
  alloc_run: ['allocation'],
  alloc_line: ['allocation'],
  import_batch: ['import', 'claims', 'vouchers'],
  import_line: ['import', 'claims', 'vouchers'],
  import_reject: ['import'],
  import_mapping: ['import'],
  invoice: ['claims'],
  voucher: ['vouchers', 'claims', 'schedules', 'allocation'],
  voucher_line: ['vouchers', 'claims', 'schedules', 'allocation'],
  voucher_renumber: ['vouchers'],
  ledger_total: ['vouchers'],
};

/** The domains whose answers `tables` make stale; null: all of them. */
export function staleDomains(tables: readonly string[]): Set<Domain> | null {
  const out = new Set<Domain>(SUMMARIES);
  for (const t of tables) {
    const readers = READERS[t];
    if (!readers) return null;
    for (const d of readers) out.add(d);
  }
  return out;
}

/** Applies one engine event to the cache: another book or a restarted engine makes everything stale. */
export function invalidateFor(client: QueryClient, event: EngineEvent): void {
  if (event.type === 'book.opened' || event.type === 'engine.restarted') return void client.invalidateQueries();
  if (event.type !== 'book.changed') return;
  const domains = staleDomains(event.tables);
  if (!domains) return void client.invalidateQueries();
  void client.invalidateQueries({ predicate: (q) => domains.has(String(q.queryKey[0])) });
}
