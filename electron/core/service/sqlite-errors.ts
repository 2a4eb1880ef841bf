/**
 * Errors raised by the database's own guards (triggers, busy timeouts) reach the user as
 * typed errors: the core checks first, the database is the second line of defence.
 */
import { UserError } from '../../../shared/errors';

export function sqliteUserError(e: unknown): UserError | null {
  if (!(e instanceof Error)) return null;
  const code = (e as { code?: string }).code ?? '';
  if (code === 'SQLITE_BUSY' || code === 'SQLITE_LOCKED') return new UserError('db.busy');
  if (e.message.includes('period closed')) return new UserError('db.periodClosed');
  if (e.message.includes('posted voucher is immutable')) return new UserError('db.postedImmutable');
  return null;
}
