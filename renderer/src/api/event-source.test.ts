/** A dropped /events connection: the browser reconnects, and the reconnection makes every cached answer stale (events in the gap are lost). */
import { QueryClient } from '@tanstack/react-query';
import { expect, it } from 'vitest';
import type { EngineEvent } from '../../../shared/contract/events';
import { followEventSource, type EventSourceLike } from './event-source';
import { invalidateFor } from './invalidate';

const fakeSource = (): EventSourceLike => ({ onopen: null, onmessage: null });
const open = (es: EventSourceLike) => es.onopen?.(new Event('open'));
const message = (es: EventSourceLike, e: EngineEvent) => es.onmessage?.(new MessageEvent('message', { data: JSON.stringify(e) }));

it('delivers pushed events, and nothing extra on the first open', () => {
  const es = fakeSource();
  const got: EngineEvent[] = [];
  followEventSource(es, (e) => got.push(e));
  open(es);
  message(es, { type: 'book.changed', tables: ['customer'] });
  expect(got).toEqual([{ type: 'book.changed', tables: ['customer'] }]);
});

it('a reconnection invalidates every query, also those no event in the gap would have named', () => {
  const es = fakeSource();
  const client = new QueryClient();
  followEventSource(es, (e) => invalidateFor(client, e));
  client.setQueryData(['policy', 'policy.list', {}], 1);
  client.setQueryData(['customers', 'customers.page', {}], 2);
  open(es);
  message(es, { type: 'book.changed', tables: ['customer'] });
  expect(client.getQueryState(['policy', 'policy.list', {}])?.isInvalidated).toBe(false);
  // The connection dropped (the harness restarted, the laptop slept) and the browser opened it again.
  open(es);
  expect(client.getQueryState(['policy', 'policy.list', {}])?.isInvalidated).toBe(true);
  expect(client.getQueryState(['customers', 'customers.page', {}])?.isInvalidated).toBe(true);
});
