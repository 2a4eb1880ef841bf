/**
 * What passes between the main side and a job worker. Everything here is structured-
 * cloneable: errors travel as code + params and are rendered in the session's locale on
 * the main side, never in the worker.
 */
import type { ErrorParams } from '../../../shared/errors';
import type { Locale } from '../../../shared/messages/index';

export interface JobInput {
  /** A job registered in registry.ts, or (tests, unbundled runs only) a module's file URL. */
  job: string;
  bookPath: string;
  user: string;
  /** The book's audit key (hex), so the worker's writes keep the chain heads tagged (book/audit-head.ts). */
  auditKey?: string | undefined;
  keyWhere?: string | undefined;
  locale: Locale;
  payload: unknown;
}

export type JobMessage =
  | { type: 'progress'; data: unknown }
  /** A temp file the job's writeAtomic opened (live) or is done with: removed by the main side if the job is cancelled. */
  | { type: 'temp'; path: string; live: boolean }
  | { type: 'done'; result: unknown }
  | { type: 'error'; code: string; params: ErrorParams };
