/** `book create | check | backup` */
import { resolve } from 'node:path';
import { CliUsageError, type Command } from '../run';
import { standardSchema } from '../../../shared/contract/book';
import { taxpayerSchema, type Taxpayer } from '../../../shared/contract/invoices';

export function taxpayerFlag(v: unknown): Taxpayer {
  const t = taxpayerSchema.safeParse(v);
  if (!t.success) throw new CliUsageError(`--taxpayer must be general (一般纳税人) or small (小规模纳税人), not ${String(v)}`);
  return t.data;
}

const create: Command = async ({ args, flags, call }) => {
  const [path] = args;
  if (!path) throw new CliUsageError('book create BOOK [--company NAME] [--standard small|enterprise] [--first-period YYYY-MM] [--tax-id ID] [--taxpayer general|small] [--demo]');
  const standard = standardSchema.safeParse(flags.standard ?? 'small');
  if (!standard.success) throw new CliUsageError(`--standard must be small or enterprise, not ${String(flags.standard)}`);
  const info = await call('book.create', {
    path: resolve(path),
    company: typeof flags.company === 'string' ? flags.company : '我的公司',
    standard: standard.data,
    ...(typeof flags['first-period'] === 'string' ? { firstPeriod: flags['first-period'] } : {}),
    ...(flags.demo ? { demo: true } : {}),
    ...(typeof flags['tax-id'] === 'string' ? { taxId: flags['tax-id'] } : {}),
    ...(flags.taxpayer !== undefined ? { taxpayer: taxpayerFlag(flags.taxpayer) } : {}),
  });
  return { json: info, text: `created ${info.path} (${info.company}, ${info.standard})` };
};

/**
 * Without --full, SQLite's part is quick_check (about 1 s on a
 * 1,000,000-line book instead of 5-6 s); the text says so, and --full runs integrity_check.
 */
const check: Command = async ({ args, flags, open, call }) => {
  await open(args[0]);
  const report = await call('book.check', { full: flags.full === true });
  const key = report.key.id ? `key ${report.key.id} (${report.key.status}, ${report.key.where ?? 'no key store'})` : `no key (${report.key.status})`;
  const text = report.ok
    ? [
        `ok: integrity (${report.full ? 'full' : 'quick; index keys against rows: book check --full'}), balances and ${report.auditRecords} audit records verified; ${key}`,
        ...report.verified.map((v) => `  verified: ${v}`),
      ].join('\n')
    : [...report.findings.map((f) => `${f.check}: ${f.message}`), `audit ${key}`].join('\n');
  return { json: report, text, exitCode: report.ok ? 0 : 1 };
};

const backup: Command = async ({ args, flags, open, call }) => {
  if (!args[1]) throw new CliUsageError('book backup BOOK OUT');
  await open(args[0]);
  const r = await call('book.backup', { path: resolve(args[1]), overwrite: flags.overwrite === true });
  return { json: r, text: `backed up to ${r.path} (${r.pages} pages)` };
};

export const bookCommands = { 'book create': create, 'book check': check, 'book backup': backup };
