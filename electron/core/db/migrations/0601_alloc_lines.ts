/**
 * Allocation lines covered by a lines hash in the run's audit record
 * (allocation/lines-hash.ts): one baseline record for the runs a book already holds.
 */
import type { Sqlite } from '../sqlite';
import { baselineAllocLines } from '../../allocation/lines-hash';

export const up = (sqlite: Sqlite): void => baselineAllocLines(sqlite);
