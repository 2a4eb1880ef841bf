/**
 * The row log (book/row-log.ts): triggers on every table that holds book data, generated
 * from the columns the tables have now, and every existing row logged as a sealed baseline.
 * A later migration that adds a column to a covered table must call installRowLog(sqlite)
 * at its end, so the triggers log the new column too.
 */
import type { Sqlite } from '../sqlite';
import { installRowLog } from '../../book/row-log';

export const up = (sqlite: Sqlite): void => installRowLog(sqlite);
