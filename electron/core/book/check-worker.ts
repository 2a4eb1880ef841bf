/**
 * The thread of `book check` that runs the parts check.ts gives it (THERE and half the posted vouchers) on a read
 * connection of its own, beside the job thread's parts and SQLite's check (integrity.ts);
 * bundled as check-worker.js. Answers with each part's findings, or the error's text.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { openWorkerBook } from '../jobs/connection';
import { runParts, type PartResult } from './check';

const { path, parts } = workerData as { path: string; parts: string[] };
let result: { ok: true; results: Record<string, PartResult> } | { ok: false; error: string };
try {
  // No key: the parts run here never judge the chain heads (check.ts keeps those).
  const book = openWorkerBook(path, 'system');
  try {
    result = { ok: true, results: runParts(book, parts) };
  } finally {
    book.close();
  }
} catch (e) {
  result = { ok: false, error: (e as Error).message };
}
parentPort!.postMessage(result);
