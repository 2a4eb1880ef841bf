/**
 * The main side of long work: a job runs in a worker_thread (worker.ts) on its own
 * connection to the book, so the window's connection keeps answering while it runs. The
 * job table keeps each job's latest progress and outcome (for `waitJob`, `cancelJob` and
 * tests); the UI is told by push events (announce.ts). Finished jobs are forgotten after a while.
 */
import { connectionKey } from '../book/audit-head';
import { randomUUID } from 'node:crypto';
import { rmSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
import { UserError, type ErrorParams } from '../../../shared/errors';
import type { MessageCode } from '../../../shared/messages/index';
import type { Session } from '../service/session';
import type { JobInput, JobMessage } from './protocol';
import type { JobName } from './registry';
import { workerScript } from './worker-script';

/**
 * A job worker's heap is capped: V8 then collects instead of growing, which keeps a
 * 200,000-row import under 300 MB; a job that truly needs more fails typed (job.crashed).
 * The young generation too: V8's default lets it grow to 48 MB, filled by an import's
 * short-lived row arrays and strings; capped at 16 MB the 200,000-row import's peak RSS
 * fell from 291 to 265-268 MB with no more CPU (27.0-27.6 s against 27.8-28.2 s, two
 * runs each at load 15-18; https://nodejs.org/api/worker_threads.html#new-workerfilename-options
 * resourceLimits.maxYoungGenerationSizeMb). The import benchmark starts the built worker with the same limits.
 */
export const JOB_LIMITS = { maxOldGenerationSizeMb: 256, maxYoungGenerationSizeMb: 16 };

export interface JobRecord {
  id: string;
  job: string;
  state: 'running' | 'done' | 'failed';
  /** The latest progress the job reported, as the job module shapes it. */
  progress: unknown;
  result: unknown;
  error: UserError | null;
  finishedAt?: number;
  /** Settles with the result or rejects with the UserError. */
  done: Promise<unknown>;
  /** Stops the worker; the job fails as job.cancelled. */
  cancel(): void;
}

const table = new Map<string, JobRecord>();
const KEEP_MS = 10 * 60 * 1000;
const KEEP_MAX = 200;

function prune(): void {
  const now = Date.now();
  for (const [id, j] of table) if (j.finishedAt && now - j.finishedAt > KEEP_MS) table.delete(id);
  // A caller that starts many jobs and never polls cannot grow the table without bound.
  for (const [id, j] of table) {
    if (table.size <= KEEP_MAX) break;
    if (j.state !== 'running') table.delete(id);
  }
}

export interface StartOptions {
  onProgress?: (data: unknown) => void;
}

/** Starts `job` for the session's open book; `done` settles with the result or a UserError. */
export function startJob<R>(session: Session, job: JobName | URL, payload: unknown, opts: StartOptions = {}): { id: string; done: Promise<R> } {
  const book = session.requireBook();
  const key = connectionKey(book.sqlite);
  const input: JobInput = { job: job instanceof URL ? job.href : job, bookPath: book.path, user: book.user, locale: session.locale, payload, auditKey: key?.key?.toString('hex'), keyWhere: key?.where };
  return runJob<R>(input, opts);
}

export function runJob<R>(input: JobInput, opts: StartOptions = {}): { id: string; done: Promise<R> } {
  prune();
  const id = randomUUID();
  const record: JobRecord = { id, job: input.job, state: 'running', progress: null, result: null, error: null, done: Promise.resolve(), cancel: () => {} };
  table.set(id, record);
  const done = new Promise<R>((resolve, reject) => {
    const finish = (error: UserError | null, result?: unknown) => {
      if (record.state !== 'running') return;
      Object.assign(record, { state: error ? 'failed' : 'done', error, result: result ?? null, finishedAt: Date.now() });
      if (error) reject(error);
      else resolve(result as R);
    };
    let worker: Worker;
    try {
      const { script, eval: isCode } = workerScript(import.meta.url, 'worker.ts', 'job-worker');
      worker = new Worker(script, { workerData: input, eval: isCode, resourceLimits: JOB_LIMITS });
    } catch (e) {
      finish(new UserError('job.crashed', { detail: (e as Error).message }));
      return;
    }
    // Temp files the job is writing (files/paths.ts writeAtomic): a terminated worker cannot remove its own.
    const temps = new Set<string>();
    const removeTemps = () => {
      for (const t of temps) rmSync(t, { force: true });
      temps.clear();
    };
    // Terminating mid-transaction leaves nothing half-written: an uncommitted transaction is never in the file.
    record.cancel = () => {
      finish(new UserError('job.cancelled'));
      void worker.terminate().then(removeTemps, removeTemps);
    };
    worker.on('message', (m: JobMessage) => {
      if (m.type === 'temp') {
        if (m.live) temps.add(m.path);
        else temps.delete(m.path);
      } else if (m.type === 'progress') {
        record.progress = m.data;
        opts.onProgress?.(m.data);
      } else if (m.type === 'done') finish(null, m.result);
      else finish(new UserError(m.code as MessageCode, m.params as ErrorParams));
    });
    // A worker that throws outside the job, runs out of memory or exits early is a typed failure, never a hang.
    worker.on('error', (e) => {
      console.error('[job]', input.job, e);
      finish(new UserError('job.crashed', { detail: e.message }));
    });
    worker.on('exit', (code) => {
      removeTemps();
      finish(new UserError('job.crashed', { detail: `exit ${code}` }));
    });
  });
  // A started job's failure lives in the table (and its job.failed event), not as an unhandled rejection.
  done.catch(() => undefined);
  record.done = done;
  return { id, done };
}

export const findJob = (id: string): JobRecord | undefined => table.get(id);

export function getJob(id: string): JobRecord {
  const j = table.get(id);
  if (!j) throw new UserError('job.notFound', { id });
  return j;
}

/** The CLI's (and tests') way to run a started job to its end: its result, or its UserError thrown. */
export const waitJob = <R>(id: string): Promise<R> => getJob(id).done as Promise<R>;

/** False when the job had already ended. */
export function cancelJob(id: string): boolean {
  const j = getJob(id);
  if (j.state !== 'running') return false;
  j.cancel();
  return true;
}
