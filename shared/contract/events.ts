/**
 * What the engine pushes to the UI without being asked, on one channel: the open book
 * changed (another book, or rows of some tables), and a job's progress and outcome. The
 * renderer subscribes once (renderer/src/api/platform.ts `subscribe`) and turns
 * `book.changed` into query invalidations (renderer/src/api/invalidate.ts); pages follow a
 * job by its id instead of polling.
 */
import type { ReplyError } from '../errors';

/** The long actions that run as jobs: start returns `{ jobId }` at once, the rest arrives as events. */
export type JobKind = 'import' | 'import.masters' | 'reports.export' | 'reports.pack' | 'vouchers.print';

export interface JobProgress {
  /** 0…1 */
  fraction: number;
  /** Rows read (import) or written (export) so far… */
  done: number;
  /** …of this many (null: not known before the end, as for an import's rows). */
  total: number | null;
  phase: 'read' | 'write';
}

export type EngineEvent =
  /** Another book is open (null: none): every cached answer is stale. */
  | { type: 'book.opened'; path: string | null }
  /** A request or job wrote these tables (book tables by name; '*' when it cannot say). */
  | { type: 'book.changed'; tables: string[] }
  | { type: 'job.progress'; jobId: string; job: JobKind; progress: JobProgress }
  | { type: 'job.done'; jobId: string; job: JobKind; result: unknown }
  | { type: 'job.failed'; jobId: string; job: JobKind; error: ReplyError }
  /** The engine died and was started again with the book reopened; requests in flight failed with `engine.stopped`. */
  | { type: 'engine.restarted'; detail: string };

export type EngineEventType = EngineEvent['type'];
