/**
 * The engine's messages: the one typed protocol between the core (book, service dispatch,
 * jobs), wherever it runs — an Electron utilityProcess for the app, a worker_thread for
 * the web harness — and the host that routes requests to it (electron/main, the harness).
 * Everything crossing is structured-clone data: requests and replies are the contract's.
 */
import type { Reply } from '../../../shared/errors';
import type { EngineEvent } from '../../../shared/contract/events';
import type { SessionOptions } from '../service/session';

/** What a host asks: one contract channel and its (not yet validated) payload. */
export interface EngineRequest {
  channel: string;
  payload: unknown;
}

/** What the engine pushes without being asked: the UI's events, one union (shared/contract/events.ts). */
export type { EngineEvent } from '../../../shared/contract/events';

export interface EngineInit {
  session: SessionOptions;
  /** Open the last book (or the demo company on day one) as the app does at start. */
  openAtStart?: boolean;
  /** Reopen this book instead (a host restarting a dead engine, see restart.ts). */
  reopen?: string;
}

/** Host → engine. The first message is always `init`. */
export type HostMessage =
  | { type: 'init'; init: EngineInit }
  | { type: 'request'; id: number; request: EngineRequest }
  /** Closes the open book (its backup on close runs) and answers `closed`. */
  | { type: 'close'; id: number };

/** Engine → host. */
export type EngineMessage =
  | { type: 'reply'; id: number; reply: Reply<unknown> }
  | { type: 'closed'; id: number }
  | { type: 'event'; event: EngineEvent };
