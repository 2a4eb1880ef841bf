/** `invoices match BOOK --from P --to P` and `book set BOOK --tax-id ID` (the company's 纳税人识别号). */
import { CliUsageError, type Command } from '../run';

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
  if (!bookPath || typeof flags['tax-id'] !== 'string') throw new CliUsageError('book set BOOK --tax-id ID');
  await open(bookPath);
  const r = await call('book.set', { taxId: flags['tax-id'] });
  return { json: r, text: `纳税人识别号 ${r.taxId || '(none)'}` };
};

export const invoicesCommands = { 'invoices match': match, 'book set': set };
