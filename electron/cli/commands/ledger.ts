/** `export hledger BOOK [--out FILE]`, `period close|reopen BOOK PERIOD [--reason TEXT]` */
import { resolve } from 'node:path';
import { CliUsageError, type Command } from '../run';

const exportHledger: Command = async ({ args, flags, open, call }) => {
  if (!args[0]) throw new CliUsageError('export hledger BOOK [--out FILE]');
  await open(args[0]);
  const out = typeof flags.out === 'string' ? resolve(flags.out) : undefined;
  const r = await call('ledger.exportHledger', out ? { path: out } : {});
  // Without --out the journal itself is the output (pipe it into `hledger -f - bal`).
  if (!out) return { json: r, text: (r.text ?? '').replace(/\n$/, '') };
  return { json: { path: r.path, transactions: r.transactions }, text: `wrote ${r.transactions} transactions to ${r.path}` };
};

const periodUsage = 'period close BOOK YYYY-MM | period reopen BOOK YYYY-MM --reason TEXT';

const closePeriod: Command = async ({ args, open, call }) => {
  if (!args[0] || !args[1]) throw new CliUsageError(periodUsage);
  await open(args[0]);
  const periods = await call('periods.close', { period: args[1] });
  return { json: periods.find((p) => p.period === args[1]) ?? { period: args[1], status: 'closed' }, text: `closed ${args[1]}` };
};

const reopenPeriod: Command = async ({ args, flags, open, call }) => {
  if (!args[0] || !args[1] || typeof flags.reason !== 'string') throw new CliUsageError(periodUsage);
  await open(args[0]);
  const periods = await call('periods.reopen', { period: args[1], reason: flags.reason });
  return { json: periods.find((p) => p.period === args[1]) ?? { period: args[1], status: 'open' }, text: `reopened ${args[1]}` };
};

export const ledgerCommands = { 'export hledger': exportHledger, 'period close': closePeriod, 'period reopen': reopenPeriod };
