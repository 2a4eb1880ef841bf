/**
 * Errors raised by the database's own guards (triggers, busy timeouts) reach the user as
 * typed errors: the core checks first, the database is the second line of defence.
 */
import { UserError } from '../../../shared/errors';

/**
 * `path` names the book in the environment's messages. Result codes as SQLite documents them
 * (https://www.sqlite.org/rescode.html): extended codes start with their primary one
 * (SQLITE_READONLY_DBMOVED, SQLITE_CORRUPT_INDEX…).
 */
export function sqliteUserError(e: unknown, path = ''): UserError | null {
  if (!(e instanceof Error)) return null;
  const code = (e as { code?: string }).code ?? '';
  if (code === 'SQLITE_BUSY' || code === 'SQLITE_LOCKED') return new UserError('db.busy');
  // The environment (CLI exit 1): the disk, the file's permissions, a damaged file.
  if (code === 'SQLITE_FULL') return new UserError('file.diskFull', { path });
  if (code.startsWith('SQLITE_READONLY')) return new UserError('file.readOnly', { path });
  if (code.startsWith('SQLITE_CORRUPT') || code === 'SQLITE_NOTADB') return new UserError('book.corrupt', { detail: e.message });
  if (e.message.includes('period closed')) return new UserError('db.periodClosed');
  if (e.message.includes('posted voucher is immutable')) return new UserError('db.postedImmutable');
  // ledger_total's trigger adds a posted line to its account-month: past int64 SQLite's + turns
  // the sum into a REAL, which the STRICT INTEGER column refuses (SQLITE_CONSTRAINT_DATATYPE).
  const total = code === 'SQLITE_CONSTRAINT_DATATYPE' && /ledger_total\.(debit|credit)_fen/.exec(e.message);
  if (total) return new UserError('db.ledgerTotalTooLarge', { side: total[1]!, limit: '92,233,720,368,547,758.07' });
  // SUM() past int64 (https://www.sqlite.org/lang_aggfunc.html#sumunc) in a query that does not sum in parts (reports/exact.ts).
  if (e.message === 'integer overflow') return new UserError('db.sumTooLarge', { limit: '92,233,720,368,547,758.07' });
  return null;
}
