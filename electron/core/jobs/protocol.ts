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
  locale: Locale;
  payload: unknown;
}

export type JobMessage =
  | { type: 'progress'; data: unknown }
  | { type: 'done'; result: unknown }
  | { type: 'error'; code: string; params: ErrorParams };
