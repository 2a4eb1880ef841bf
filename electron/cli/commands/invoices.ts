/** `invoices match BOOK --from P --to P` and `book set BOOK` (纳税人识别号, taxpayer type, VAT rates). */
import { CliUsageError, type Command } from '../run';
import { taxpayerFlag } from './book';

const SET_USAGE = 'book set BOOK [--tax-id ID] [--taxpayer general|small] [--vat-rate PCT] [--small-rate 3|1]';
const pctFlag = (v: unknown, name: string): number => {
  const t = String(v).replace(/%$/, '');
  if (!/^\d{1,2}$/.test(t)) throw new CliUsageError(`--${name} must be a whole percent such as 6, not ${String(v)}`);
  return Number(t);
};

const PERIOD = /^\d{4}-(0[1-9]|1[0-2])$/;

const match: Command = async ({ args, flags, open, call }) => {
  const [bookPath] = args;
  const { from, to } = flags;
  if (!bookPath || typeof from !== 'string' || typeof to !== 'string' || !PERIOD.test(from) || !PERIOD.test(to)) throw new CliUsageError('invoices match BOOK --from YYYY-MM --to YYYY-MM');
  await open(bookPath);
  const r = await call('invoices.match', { from, to });
  const json = { lines: r.lines.map((l) => ({ claimId: l.claimId, line: l.line, invoiceNo: l.invoiceNo, status: l.status })) };
  const counts = new Map<string, number>();
  for (const l of r.lines) counts.set(l.status, (counts.get(l.status) ?? 0) + 1);
  const text = [
    `${r.lines.length} claim lines with an invoice number: ${[...counts].map(([k, n]) => `${k} ${n}`).join(', ') || 'none'}`,
    ...r.lines.filter((l) => l.status !== 'matched').map((l) => `  claim #${l.claimId} line ${l.line} ${l.invoiceNo}: ${l.status}${l.message ? ` — ${l.message}` : ''}`),
  ].join('\n');
  return { json, text };
};

const set: Command = async ({ args, flags, open, call }) => {
  const [bookPath] = args;
  const given = ['tax-id', 'taxpayer', 'vat-rate', 'small-rate'].filter((k) => flags[k] !== undefined);
  if (!bookPath || given.length === 0) throw new CliUsageError(SET_USAGE);
  await open(bookPath);
  const r = await call('book.set', {
    ...(typeof flags['tax-id'] === 'string' ? { taxId: flags['tax-id'] } : {}),
    ...(flags.taxpayer !== undefined ? { taxpayer: taxpayerFlag(flags.taxpayer) } : {}),
    ...(flags['vat-rate'] !== undefined ? { vatRatePct: pctFlag(flags['vat-rate'], 'vat-rate') } : {}),
    ...(flags['small-rate'] !== undefined ? { smallRatePct: pctFlag(flags['small-rate'], 'small-rate') } : {}),
  });
  const type = r.taxpayer === 'small' ? `小规模纳税人 征收率 ${r.smallRatePct}%` : `一般纳税人 销项税率 ${r.vatRatePct}%`;
  return { json: r, text: `纳税人识别号 ${r.taxId || '(none)'}; ${type}` };
};

export const invoicesCommands = { 'invoices match': match, 'book set': set };
