/**
 * `claims list | show | submit | approve | reject | pay BOOK [CLAIM_ID] --as USER`;
 * pay takes --account CODE (a bank or cash leaf) and --date YYYY-MM-DD.
 * --as logs in as that book user (a password, if the user has one, comes from the
 * CLIENT_LEDGER_PASSWORD environment variable, never from the command line).
 */
import { formatFen } from '../../../shared/money';
import type { ClaimActionResult } from '../../../shared/contract/claims';
import { CliUsageError, type CliContext, type Command } from '../run';

const USAGE = 'claims submit|approve|reject|pay BOOK CLAIM_ID --as USER [--comment TEXT] [--reason TEXT] [--account CODE] [--date YYYY-MM-DD]';

async function login(ctx: CliContext): Promise<void> {
  await ctx.open(ctx.args[0]);
  const as = typeof ctx.flags.as === 'string' ? ctx.flags.as : undefined;
  if (as) {
    const password = process.env.CLIENT_LEDGER_PASSWORD;
    await ctx.call('users.login', { name: as, ...(password ? { password } : {}) });
  }
}

function claimId(ctx: CliContext): number {
  const raw = ctx.args[1];
  if (!raw || !/^\d+$/.test(raw) || Number(raw) <= 0) throw new CliUsageError(USAGE);
  return Number(raw);
}

const text = (r: ClaimActionResult): string =>
  [
    `#${r.claim.id} ${r.claim.employeeName} ${formatFen(r.claim.totalFen)} → ${r.claim.status}${r.claim.pendingRole ? ` (next: ${r.claim.pendingRole})` : ''}`,
    ...(r.voucher ? [`voucher ${r.voucher}`] : []),
    ...r.warnings.map((w) => `warning: ${w}`),
  ].join('\n');

const comment = (ctx: CliContext) => (typeof ctx.flags.comment === 'string' ? { comment: ctx.flags.comment } : {});

const action =
  (verb: 'submit' | 'approve' | 'reject' | 'pay'): Command =>
  async (ctx) => {
    const id = claimId(ctx);
    await login(ctx);
    let r: ClaimActionResult;
    if (verb === 'reject') {
      const reason = typeof ctx.flags.reason === 'string' ? ctx.flags.reason : '';
      r = await ctx.call('claims.reject', { id, reason });
    } else if (verb === 'pay') {
      // Defaults: the book's first 银行存款 leaf account, today's date.
      const account = typeof ctx.flags.account === 'string' ? { account: ctx.flags.account } : {};
      const date = typeof ctx.flags.date === 'string' ? { date: ctx.flags.date } : {};
      r = await ctx.call('claims.pay', { id, ...comment(ctx), ...account, ...date });
    } else r = await ctx.call(`claims.${verb}`, { id, ...comment(ctx) });
    return { json: r, text: text(r) };
  };

const list: Command = async (ctx) => {
  await login(ctx);
  const rows = await ctx.call('claims.list', {});
  return {
    json: rows,
    text: rows.map((c) => `#${c.id}\t${c.status}\t${c.employeeName}\t${formatFen(c.totalFen)}\t${c.title}`).join('\n') || '(no claims)',
  };
};

const show: Command = async (ctx) => {
  const id = claimId(ctx);
  await login(ctx);
  const d = await ctx.call('claims.get', { id });
  const lines = d.lineRows.map((l) => `  ${l.lineNo}. ${l.date} ${l.categoryName} ${l.customerName ?? ''} ${formatFen(l.amountFen)} ${l.description}`);
  const v = d.violations.map((x) => `  [${x.action}] line ${x.line + 1}: ${x.message}`);
  const steps = d.steps.map((s) => `  ${s.at} ${s.action} ${s.role} ${s.user} ${s.comment}`);
  return { json: d, text: [`#${d.id} ${d.employeeName} ${formatFen(d.totalFen)} ${d.status}`, ...lines, ...v, ...steps].join('\n') };
};

export const claimsCommands = {
  'claims list': list,
  'claims show': show,
  'claims submit': action('submit'),
  'claims approve': action('approve'),
  'claims reject': action('reject'),
  'claims pay': action('pay'),
};
