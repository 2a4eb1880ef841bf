/**
 * The service: every handler of every domain behind one dispatch function. Main (IPC),
 * the web harness (HTTP) and tests all call dispatch, so validation and error shaping
 * happen in exactly one place.
 */
import { contract, type ChannelName } from '../../../shared/contract/index';
import { UserError, type Reply } from '../../../shared/errors';
import { message } from '../../../shared/messages/index';
import { describeIssues } from '../../../shared/messages/validation';
import { bookHandlers } from '../book/app';
import { accountsHandlers } from '../accounts/app';
import { allocationHandlers } from '../allocation/app';
import { schedulesHandlers } from '../schedules/app';
import { ledgerHandlers } from '../ledger/app';
import { vouchersHandlers } from '../ledger/vouchers-app';
import { mastersHandlers } from '../masters/app';
import { reportsHandlers } from '../reports/app';
import { claimsHandlers } from '../claims/app';
import { policyHandlers } from '../policy/app';
import { budgetsHandlers } from '../budgets/app';
import { usersHandlers } from '../users/app';
import { importHandlers } from '../import/app';
import { invoicesHandlers } from '../invoices/app';
import { closingHandlers } from '../closing/app';
import { jobsHandlers } from '../jobs/announce';
import { mergeHandlers, type Handler } from './handlers';
import type { Session } from './session';
import { sqliteUserError } from './sqlite-errors';

export const handlers = mergeHandlers(bookHandlers, accountsHandlers, ledgerHandlers, mastersHandlers, reportsHandlers, allocationHandlers, schedulesHandlers, claimsHandlers, policyHandlers, budgetsHandlers, usersHandlers, importHandlers, closingHandlers, vouchersHandlers, invoicesHandlers, jobsHandlers);

const failed = (session: Session, e: UserError): Reply<never> => ({
  ok: false,
  error: { code: e.code, message: message(session.locale, e.code, e.params), params: e.params },
});

/** A thrown error as a reply: typed errors as they are, SQLite's mapped, anything else 'internal' (and logged). */
export function errorReply(session: Session, name: string, e: unknown): Reply<never> {
  if (e instanceof UserError) return failed(session, e);
  const mapped = sqliteUserError(e, session.book?.path);
  if (mapped) return failed(session, mapped);
  console.error(`[${name}]`, e);
  return failed(session, new UserError('internal', { detail: (e as Error)?.message ?? String(e) }));
}

export async function dispatch(session: Session, channel: string, payload: unknown): Promise<Reply<unknown>> {
  const fail = (e: UserError) => failed(session, e);
  if (!Object.hasOwn(contract, channel)) return fail(new UserError('channel.unknown', { channel: String(channel).slice(0, 100) }));
  const name = channel as ChannelName;
  const parsed = contract[name].request.safeParse(payload ?? {});
  if (!parsed.success) {
    // The message says it field by field in the UI language (`fields`); `issues` keeps the
    // raw paths and zod's words for scripts, logs and the contract fuzz.
    const issues = parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ');
    const fields = describeIssues(session.locale, parsed.error.issues, payload);
    return fail(new UserError('payload.invalid', { issues, fields }));
  }
  const handler = handlers[name] as Handler<ChannelName> | undefined;
  if (!handler) return fail(new UserError('channel.unknown', { channel: name }));
  try {
    return { ok: true, data: await handler(parsed.data as never, session) };
  } catch (e) {
    return errorReply(session, name, e);
  }
}
