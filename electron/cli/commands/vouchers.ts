/**
 * `vouchers review|unreview|post BOOK ID --as USER`, `vouchers print BOOK --from P --to P --out FILE.pdf
 * [--layout a4|voucher]`, `vouchers renumber BOOK --period P`, `vouchers settings BOOK [...]`, `vouchers list BOOK`.
 * ID is the voucher id, or its 凭证字号 (记-0003) with --period. --as logs in as that book user
 * (a password, if any, from CLIENT_LEDGER_PASSWORD, never from the command line).
 */
import { resolve } from 'node:path';
import { formatFen } from '../../../shared/money';
import type { VoucherDto } from '../../../shared/contract/ledger';
import { WORD_SETS, type PrintResult, type WordSet } from '../../../shared/contract/vouchers';
import { waitJob } from '../../core/jobs/runner';
import { CliUsageError, type CliContext, type Command } from '../run';

const USAGE = `vouchers review|unreview|post BOOK ID|记-0003 [--period YYYY-MM] --as USER
vouchers print BOOK --from YYYY-MM --to YYYY-MM --out FILE.pdf [--layout a4|voucher]
vouchers renumber BOOK --period YYYY-MM
vouchers settings BOOK [--review-required yes|no] [--self-review yes|no] [--words 记|收付转|记收付转]
vouchers list BOOK [--period YYYY-MM]`;

async function login(ctx: CliContext): Promise<void> {
  await ctx.open(ctx.args[0]);
  const as = typeof ctx.flags.as === 'string' ? ctx.flags.as : undefined;
  if (as) {
    const password = process.env.CLIENT_LEDGER_PASSWORD;
    await ctx.call('users.login', { name: as, ...(password ? { password } : {}) });
  }
}

/** The voucher id: a number, or a 凭证字号 looked up in --period (a posted voucher). */
async function voucherId(ctx: CliContext): Promise<number> {
  const raw = ctx.args[1];
  if (raw && /^\d+$/.test(raw) && Number(raw) > 0) return Number(raw);
  if (raw && /^[记收付转]-?\d+$/.test(raw) && typeof ctx.flags.period === 'string') return (await ctx.call('vouchers.find', { period: ctx.flags.period, no: raw })).id;
  throw new CliUsageError(USAGE);
}

const statusText: Record<VoucherDto['status'], string> = { draft: '制单', reviewed: '已审核', posted: '已记账' };
const line = (v: Pick<VoucherDto, 'id' | 'period' | 'no' | 'date' | 'status' | 'debitFen' | 'memo' | 'maker' | 'reviewer'>) =>
  `#${v.id}\t${v.period} ${v.no}\t${v.date}\t${statusText[v.status]}\t${formatFen(v.debitFen)}\t制单 ${v.maker}${v.reviewer ? ` 审核 ${v.reviewer}` : ''}\t${v.memo}`;

const action =
  (verb: 'review' | 'unreview' | 'post'): Command =>
  async (ctx) => {
    await login(ctx);
    const id = await voucherId(ctx);
    const v = await ctx.call(`vouchers.${verb}`, { id });
    const { lines: _lines, ...head } = v;
    return { json: head, text: line(v) };
  };

const print: Command = async (ctx) => {
  const { flags } = ctx;
  const layout = flags.layout ?? 'a4';
  if (!ctx.args[0] || typeof flags.from !== 'string' || typeof flags.to !== 'string' || typeof flags.out !== 'string' || (layout !== 'a4' && layout !== 'voucher')) throw new CliUsageError(USAGE);
  await login(ctx);
  const { jobId } = await ctx.call('vouchers.print', { from: flags.from, to: flags.to, layout, path: resolve(flags.out) });
  const r = await waitJob<PrintResult>(jobId);
  return { json: r, text: `wrote ${r.vouchers} vouchers on ${r.pages} pages to ${r.path}` };
};

const renumber: Command = async (ctx) => {
  if (!ctx.args[0] || typeof ctx.flags.period !== 'string') throw new CliUsageError(USAGE);
  await login(ctx);
  const r = await ctx.call('vouchers.renumber', { period: ctx.flags.period });
  return { json: r, text: `${r.period}: ${r.changed} of ${r.vouchers} vouchers renumbered in date order` };
};

const yesNo = (v: string | boolean | undefined): boolean | undefined => {
  if (v === undefined) return undefined;
  if (v === 'yes' || v === 'on' || v === 'true') return true;
  if (v === 'no' || v === 'off' || v === 'false') return false;
  throw new CliUsageError(USAGE);
};

const settings: Command = async (ctx) => {
  const { flags } = ctx;
  if (!ctx.args[0]) throw new CliUsageError(USAGE);
  await login(ctx);
  const reviewRequired = yesNo(flags['review-required']);
  const selfReview = yesNo(flags['self-review']);
  const words = flags.words;
  if (words !== undefined && (typeof words !== 'string' || !(words in WORD_SETS))) throw new CliUsageError(USAGE);
  const change = { ...(reviewRequired !== undefined ? { reviewRequired } : {}), ...(selfReview !== undefined ? { selfReview } : {}), ...(words ? { wordSet: words as WordSet } : {}) };
  const r = Object.keys(change).length > 0 ? await ctx.call('vouchers.setSettings', change) : await ctx.call('vouchers.settings', {});
  return { json: r, text: `审核 required: ${r.reviewRequired ? 'yes' : 'no'}; self-review: ${r.selfReview ? 'yes' : 'no'}; 凭证字: ${r.words.join('/')}` };
};

const list: Command = async (ctx) => {
  if (!ctx.args[0]) throw new CliUsageError(USAGE);
  await login(ctx);
  const rows: Awaited<ReturnType<typeof ctx.call<'vouchers.page'>>>['rows'] = [];
  let after: string | null = null;
  do {
    const page: Awaited<ReturnType<typeof ctx.call<'vouchers.page'>>> = await ctx.call('vouchers.page', { ...(typeof ctx.flags.period === 'string' ? { period: ctx.flags.period } : {}), after, limit: 1000 });
    rows.push(...page.rows);
    after = page.next;
  } while (after);
  return { json: rows, text: rows.map(line).join('\n') || '(no vouchers)' };
};

export const vouchersCommands = {
  'vouchers review': action('review'),
  'vouchers unreview': action('unreview'),
  'vouchers post': action('post'),
  'vouchers print': print,
  'vouchers renumber': renumber,
  'vouchers settings': settings,
  'vouchers list': list,
};
