/**
 * Audit coverage for every table that holds book data (book/row-log.ts): triggers on the
 * covered tables, generated from the columns they have now, with every existing row logged
 * as a sealed baseline; and one audit record with the lines hash of every existing claim
 * (claims/lines-hash.ts), so books made before keep passing `book check`.
 * A later migration that adds a column to a covered table must call installRowLog(sqlite)
 * at its end, so the triggers log the new column too.
 */
import type { Sqlite } from '../sqlite';
import { installRowLog } from '../../book/row-log';
import { baselineClaimLines } from '../../claims/lines-hash';

export const up = (sqlite: Sqlite): void => {
  installRowLog(sqlite);
  baselineClaimLines(sqlite);
};
