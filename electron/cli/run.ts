/**
 * The CLI's frame: parse `--flags`, run a command on a core session, print one JSON
 * document with --json (nothing else on stdout) and exit 0 / 2 (bad input, nothing
 * written) / 1 (internal error).
 */
import { parseArgs } from 'node:util';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { ENVIRONMENT_CODES } from '../../shared/messages/files';
import { UserError } from '../../shared/errors';
import { message, type Locale } from '../../shared/messages/index';
import type { ChannelName, Req, Res } from '../../shared/contract/index';
import { createEngine } from '../core/engine/engine';
import type { Session } from '../core/service/session';

export interface CliContext {
  args: string[];
  flags: Record<string, string | boolean | undefined>;
  session: Session;
  /** Calls a contract channel; a refused call becomes a UserError (exit 2). */
  call<K extends ChannelName>(channel: K, req: Req<K>): Promise<Res<K>>;
  /** Opens BOOK (a CLI argument) as the session's book. */
  open(path: string | undefined): Promise<void>;
}

export interface CliResult {
  /** What --json prints. */
  json: unknown;
  /** What a person reads without --json. */
  text: string;
  /** Defaults to 0; `book check` exits 1 when it finds damage. */
  exitCode?: number;
}

export type Command = (ctx: CliContext) => Promise<CliResult>;

export class CliUsageError extends Error {}

const FLAGS = {
  json: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
  company: { type: 'string' },
  standard: { type: 'string' },
  'first-period': { type: 'string' },
  demo: { type: 'boolean' },
  sheet: { type: 'string' },
  as: { type: 'string' },
  rejects: { type: 'string' },
  from: { type: 'string' },
  to: { type: 'string' },
  out: { type: 'string' },
  period: { type: 'string' },
  post: { type: 'boolean' },
  lang: { type: 'string' },
  user: { type: 'string' },
  overwrite: { type: 'boolean' },
  smoke: { type: 'boolean' },
  full: { type: 'boolean' },
  comment: { type: 'string' },
  reason: { type: 'string' },
  account: { type: 'string' },
  layout: { type: 'string' },
  'review-required': { type: 'string' },
  'self-review': { type: 'string' },
  words: { type: 'string' },
  'tax-id': { type: 'string' },
  taxpayer: { type: 'string' },
  'vat-rate': { type: 'string' },
  'small-rate': { type: 'string' },
  'confirm-future': { type: 'boolean' },
  date: { type: 'string' },
  employee: { type: 'string' },
} as const;

export async function runCli(argv: string[], commands: Record<string, Command>, usage: string): Promise<number> {
  let json = argv.includes('--json');
  let locale: Locale = 'zh-CN';
  const out = (doc: unknown, text: string) => process.stdout.write(json ? JSON.stringify(doc) + '\n' : text + '\n');
  try {
    const { values, positionals } = parseArgs({ args: argv, options: FLAGS, allowPositionals: true, strict: true });
    json = values.json ?? false;
    locale = values.lang === 'en' ? 'en' : 'zh-CN';
    // Asked for, the usage is an answer (exit 0), not a mistake.
    if (values.help) {
      out({ usage }, usage);
      return 0;
    }
    const name = [positionals[0], positionals[1]].filter(Boolean).join(' ');
    const key = commands[name] ? name : positionals[0] && commands[positionals[0]] ? positionals[0] : undefined;
    if (!key) throw new CliUsageError(usage);
    const args = positionals.slice(key.split(' ').length);
    const home = process.env.CLIENT_LEDGER_HOME ?? join(homedir(), '.client-ledger');
    // The same engine entry as the app's engine process and the web harness's thread.
    const engine = createEngine({ settingsDir: home, booksDir: process.cwd(), locale, ...(values.user ? { user: values.user } : {}) });
    const session = engine.session;
    const call = async <K extends ChannelName>(channel: K, req: Req<K>): Promise<Res<K>> => {
      const r = await engine.handle({ channel, payload: req });
      if (!r.ok) throw Object.assign(new UserError(r.error.code as never, r.error.params ?? {}), { text: r.error.message });
      return r.data as Res<K>;
    };
    const ctx: CliContext = {
      args,
      flags: values,
      session,
      call,
      open: async (path) => {
        if (!path) throw new CliUsageError(usage);
        // A path typed at the prompt is relative to where it was typed (`..` included).
        await call('book.open', { path: resolve(path) });
      },
    };
    try {
      const result = await commands[key]!(ctx);
      out(result.json, result.text);
      return result.exitCode ?? 0;
    } finally {
      engine.close();
    }
  } catch (e) {
    if (e instanceof UserError) {
      const text = (e as UserError & { text?: string }).text ?? message(locale, e.code, e.params);
      out({ error: { code: e.code, message: text } }, text);
      // Disk full, read-only, a missing folder: the machine's trouble, not bad input.
      return ENVIRONMENT_CODES.has(e.code) ? 1 : 2;
    }
    if (e instanceof CliUsageError || (e as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      const text = e instanceof CliUsageError ? e.message : `${(e as Error).message}\n\n${usage}`;
      out({ error: { code: 'usage', message: text } }, text);
      return 2;
    }
    const text = (e as Error)?.stack ?? String(e);
    out({ error: { code: 'internal', message: (e as Error)?.message ?? String(e) } }, text);
    return 1;
  }
}
