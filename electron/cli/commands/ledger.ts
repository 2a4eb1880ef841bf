/** `export hledger BOOK [--out FILE]` (period commands: period.ts) */
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

export const ledgerCommands = { 'export hledger': exportHledger };
