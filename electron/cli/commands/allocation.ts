/**
 * `allocate BOOK --period P [--post]` with the book's saved rules; `allocation rule-add`,
 * `allocation rules`, `schedule add`, `schedule list`, `schedule run` for scripts and tests.
 * Rule and schedule specs are JSON arguments in the contract's shape (see
 * shared/contract/allocation.ts ruleSchema, shared/contract/schedules.ts).
 */
import { formatFen } from '../../../shared/money';
import type { Req } from '../../../shared/contract/index';
import { CliUsageError, type Command } from '../run';

function parseJson(text: string | undefined, usage: string): unknown {
  if (!text) throw new CliUsageError(usage);
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new CliUsageError(`not valid JSON: ${text.slice(0, 80)}\n\n${usage}`);
  }
}

const allocate: Command = async ({ args, flags, open, call }) => {
  const usage = 'allocate BOOK --period YYYY-MM [--post]';
  if (typeof flags.period !== 'string') throw new CliUsageError(usage);
  await open(args[0]);
  const run = await call('allocation.run', { period: flags.period });
  const posted = flags.post ? await call('allocation.post', { runId: run.runId }) : null;
  const json = {
    runId: run.runId,
    period: run.period,
    totalFen: run.totalFen,
    ...(posted ? { voucherId: posted.voucherId, voucherNo: posted.voucherNo } : {}),
    pools: run.pools.map((p) => ({
      pool: p.pool,
      method: p.method,
      driver: p.driver,
      amountFen: p.amountFen,
      allocatedFen: p.allocatedFen,
      lines: p.lines.map((l) => ({
        customer: l.customerId !== null ? l.code : null,
        ...(l.departmentId !== null ? { department: l.code } : {}),
        driverValue: l.driverValue,
        shareNumerator: l.shareNumerator,
        shareDenominator: l.shareDenominator,
        amountFen: l.amountFen,
      })),
    })),
  };
  const text = [
    `run #${run.runId} ${run.period}: ${formatFen(run.totalFen)}${posted ? ` posted as ${posted.voucherNo}` : ''}`,
    ...run.pools.map((p) => `  ${p.pool} (${p.driver}): ${formatFen(p.amountFen)} → ${p.lines.length} lines, ${formatFen(p.allocatedFen)}`),
  ].join('\n');
  return { json, text };
};

const ruleAdd: Command = async ({ args, open, call }) => {
  const usage = `allocation rule-add BOOK '{"name":"房租","accounts":["560203"],"driver":"revenue"}'`;
  const rule = parseJson(args[1], usage) as Req<'allocation.saveRule'>['rule'];
  await open(args[0]);
  const r = await call('allocation.saveRule', { rule });
  return { json: r, text: `rule #${r.id} saved` };
};

const rules: Command = async ({ args, open, call }) => {
  await open(args[0]);
  const list = await call('allocation.rules', {});
  return { json: list, text: list.map((r) => `#${r.id} ${r.name} [${r.method}] ${r.accounts.join(',')} → ${r.driver}`).join('\n') || '(no rules)' };
};

const scheduleAdd: Command = async ({ args, open, call }) => {
  const usage = `schedule add BOOK '{"preset":"prepaid","name":"CRM年费","totalFen":1200000,"firstPeriod":"2026-01","periods":12}'`;
  const spec = parseJson(args[1], usage) as Req<'schedules.create'>;
  await open(args[0]);
  const s = await call('schedules.create', spec);
  return { json: s, text: `schedule #${s.id} ${s.name}: ${formatFen(s.totalFen)} over ${s.periods} months (${s.debitAccount} / ${s.creditAccount})` };
};

const scheduleList: Command = async ({ args, open, call }) => {
  await open(args[0]);
  const list = await call('schedules.list', {});
  return { json: list, text: list.map((s) => `#${s.id} ${s.name}: posted ${formatFen(s.postedFen)} of ${formatFen(s.totalFen)}`).join('\n') || '(no schedules)' };
};

const scheduleRun: Command = async ({ args, flags, open, call }) => {
  if (typeof flags.period !== 'string') throw new CliUsageError('schedule run BOOK --period YYYY-MM');
  await open(args[0]);
  const r = await call('schedules.run', { period: flags.period });
  return { json: r, text: `${r.period}: ${r.posted.length} posted, ${r.alreadyPosted} already posted` };
};

export const allocationCommands = {
  allocate,
  'allocation rule-add': ruleAdd,
  'allocation rules': rules,
  'schedule add': scheduleAdd,
  'schedule list': scheduleList,
  'schedule run': scheduleRun,
};
