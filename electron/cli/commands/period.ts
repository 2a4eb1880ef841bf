/**
 * `period transfer-pl BOOK YYYY-MM` → { voucherNo, lines };
 * `period close BOOK YYYY-MM [--confirm-future]` → the closed period, or exit 2 with the
 * 结账检查's { blockers, warnings }; `period reopen BOOK YYYY-MM --reason TEXT` (the latest
 * closed period only).
 */
import { CliUsageError, type Command } from '../run';

const usage = 'period transfer-pl BOOK YYYY-MM | period close BOOK YYYY-MM [--confirm-future] | period reopen BOOK YYYY-MM --reason TEXT';

const transferPl: Command = async ({ args, open, call }) => {
  if (!args[0] || !args[1]) throw new CliUsageError(usage);
  await open(args[0]);
  const r = await call('periods.transferPl', { period: args[1] });
  return { json: r, text: r.voucherNo ? `结转损益 ${args[1]}: ${r.vouchers.map((v) => v.no).join(', ')} (${r.lines} lines)` : `nothing to transfer in ${args[1]}` };
};

const closePeriod: Command = async ({ args, flags, open, call }) => {
  if (!args[0] || !args[1]) throw new CliUsageError(usage);
  await open(args[0]);
  const check = await call('periods.closeCheck', { period: args[1] });
  const strip = (items: typeof check.blockers) => items.map((i) => ({ code: i.code, message: i.message, params: i.params }));
  if (check.blockers.length > 0) {
    const text = [`cannot close ${args[1]}:`, ...check.blockers.map((b) => `  ✗ ${b.message}`), ...check.warnings.map((w) => `  ! ${w.message}`)].join('\n');
    return { json: { blockers: strip(check.blockers), warnings: strip(check.warnings) }, text, exitCode: 2 };
  }
  const periods = await call('periods.close', { period: args[1], ...(flags['confirm-future'] ? { confirmFuture: true } : {}) });
  const row = periods.find((p) => p.period === args[1]) ?? { period: args[1], status: 'closed' };
  return { json: { ...row, warnings: strip(check.warnings) }, text: [`closed ${args[1]}`, ...check.warnings.map((w) => `  ! ${w.message}`)].join('\n') };
};

const reopenPeriod: Command = async ({ args, flags, open, call }) => {
  if (!args[0] || !args[1] || typeof flags.reason !== 'string') throw new CliUsageError(usage);
  await open(args[0]);
  const periods = await call('periods.reopen', { period: args[1], reason: flags.reason });
  return { json: periods.find((p) => p.period === args[1]) ?? { period: args[1], status: 'open' }, text: `reopened ${args[1]}` };
};

export const periodCommands = { 'period transfer-pl': transferPl, 'period close': closePeriod, 'period reopen': reopenPeriod };
