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
