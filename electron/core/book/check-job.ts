/**
 * `book.check` as a job: on a big book the check reads the whole file (seconds), so it runs
 * in a job worker on its own connection and the window keeps answering meanwhile; inside
 * the job, SQLite's integrity check takes a second thread (check.ts).
 */
import { defineJob } from '../jobs/define';
import { checkBookInParallel, type CheckReport } from './check';

export const checkJob = defineJob<{ full?: boolean | undefined }, CheckReport>(({ book, payload }) => checkBookInParallel(book, payload.full ?? false));
