/**
 * The web harness's push events over Server-Sent Events (`/events`). EventSource reconnects
 * by itself after a drop (developer.mozilla.org/en-US/docs/Web/API/EventSource, `open` fires
 * again on every reconnection), but what the engine pushed during the gap is lost: each
 * reconnection is therefore delivered as a `book.changed` of '*' (the event's "cannot say
 * which tables"), which makes every cached answer stale (invalidate.ts) so the page shows
 * the truth again. Electron's IPC does not drop; its engine restart arrives as
 * `engine.restarted`, which invalidates everything the same way.
 */
import type { EngineEvent } from '../../../shared/contract/events';

/** What a reconnection delivers: every table may have changed. */
export const RESYNC: EngineEvent = { type: 'book.changed', tables: ['*'] };

/** The part of EventSource used here (a fake in the unit test). */
export interface EventSourceLike {
  onopen: ((ev: Event) => unknown) | null;
  onmessage: ((m: MessageEvent) => unknown) | null;
}

export function followEventSource(es: EventSourceLike, deliver: (e: EngineEvent) => void): void {
  let opened = false;
  es.onopen = () => {
    // The first open is the start (nothing cached has missed anything yet); later ones follow a gap.
    if (opened) deliver(RESYNC);
    opened = true;
  };
  es.onmessage = (m) => deliver(JSON.parse(m.data as string) as EngineEvent);
}
