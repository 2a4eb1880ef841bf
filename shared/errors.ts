/**
 * Errors a user can cause are typed: a code and its parameters. The message is rendered
 * in the UI language from shared/messages.ts, so the core never hard-codes a language.
 */
import type { MessageCode } from './messages/index';

export type ErrorParams = Record<string, string | number>;

export class UserError extends Error {
  constructor(
    readonly code: MessageCode,
    readonly params: ErrorParams = {},
  ) {
    super(code);
    this.name = 'UserError';
  }
}

export interface ReplyError {
  code: string;
  message: string;
  params?: ErrorParams;
}

export type Reply<T> = { ok: true; data: T } | { ok: false; error: ReplyError };
