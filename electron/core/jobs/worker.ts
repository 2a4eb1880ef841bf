/**
 * The job worker's entry (a worker_thread; bundled as out/main/job-worker.js). It opens its
 * own connection to the book, runs one job, posts throttled progress, closes the connection and then
 * posts exactly one 'done' or 'error' message. Errors leave typed: a UserError (or
 * a SQLite guard mapped to one) as code + params, anything else as 'internal' with its text.
 */
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { parentPort, workerData } from 'node:worker_threads';
import { UserError } from '../../../shared/errors';
import type { Book } from '../book/book';
import { sqliteUserError } from '../service/sqlite-errors';
import { watchTempFiles } from '../files/paths';
import { openWorkerBook } from './connection';
import type { JobModule } from './define';
import type { JobInput, JobMessage } from './protocol';
import { jobModules } from './registry';

/** Progress faster than this is coalesced: each one becomes a push event to the UI, ten a second is plenty. */
const PROGRESS_MS = 100;

const post = (m: JobMessage) => parentPort!.postMessage(m);

function load(job: string): JobModule {
  if (job in jobModules) return jobModules[job as keyof typeof jobModules] as unknown as JobModule;
  // A module by URL is for tests (the main side never takes a job name from a request). It is
  // required, not imported: under tsx the worker runs on tsx's require hook (see runner.ts).
  if (job.startsWith('file:')) {
    const mod = createRequire(job)(fileURLToPath(job)) as { default: JobModule };
    return mod.default;
  }
  throw new Error(`unknown job: ${job}`);
}

function toMessage(e: unknown): JobMessage {
  const typed = e instanceof UserError ? e : sqliteUserError(e);
  if (typed) return { type: 'error', code: typed.code, params: typed.params };
  const detail = e instanceof Error ? e.message : String(e);
  console.error('[job worker]', e);
  return { type: 'error', code: 'internal', params: { detail } };
}

async function main(input: JobInput): Promise<void> {
  watchTempFiles((path, live) => post({ type: 'temp', path, live }));
  let book: Book | null = null;
  let last = 0;
  let pending: unknown;
  let timer: NodeJS.Timeout | null = null;
  const flush = () => {
    timer = null;
    last = Date.now();
    post({ type: 'progress', data: pending });
  };
  let outcome: JobMessage;
  try {
    const mod = load(input.job);
    book = openWorkerBook(input.bookPath, input.user, { hex: input.auditKey, where: input.keyWhere });
    const result = await mod.run({
      book,
      locale: input.locale,
      payload: input.payload,
      progress: (data) => {
        pending = data;
        if (timer) return;
        const wait = PROGRESS_MS - (Date.now() - last);
        if (wait <= 0) flush();
        else timer = setTimeout(flush, wait);
      },
    });
    if (timer) {
      clearTimeout(timer);
      flush();
    }
    outcome = { type: 'done', result };
  } catch (e) {
    if (timer) clearTimeout(timer);
    outcome = toMessage(e);
  } finally {
    try {
      if (book?.sqlite.inTransaction) book.sqlite.exec('ROLLBACK');
      book?.close();
    } catch (e) {
      console.error('[job worker] closing the book', e);
    }
  }
  // Posted only once the connection is closed: whoever waits for the job (the CLI exits right
  // after) finds the book as the job left it, with no -wal/-shm of this connection still open.
  post(outcome);
}

void main(workerData as JobInput);
