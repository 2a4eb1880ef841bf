/**
 * An imported claim line's invoice against the invoice ledger (invoices/match.ts), listed
 * with the summary's policy exceptions (rule invoice_match): a voided invoice as a block,
 * the rest as warnings. A reused invoice never gets here: the import sets a line whose
 * invoice number any claim line already has aside as a duplicate.
 */
import type { Book } from '../book/book';
import { matchLine, matchMessage, taxIdOf } from '../invoices/match';
import { invoiceKey } from '../policy/rules';
import type { Candidate, CommitCtx } from './kind';

export function invoiceCheck(book: Book): (v: { invoiceNo: string | null; amountFen: number }, c: Candidate<unknown>, ctx: CommitCtx) => void {
  const taxId = taxIdOf(book);
  return (v, c, ctx) => {
    const invoiceNo = invoiceKey(v.invoiceNo);
    if (!invoiceNo) return;
    const m = matchLine(book, { id: null, claimId: 0, line: 0, invoiceNo, amountFen: v.amountFen }, taxId);
    const why = matchMessage(m, v.amountFen);
    if (why) ctx.addPolicy(c, { rule: 'invoice_match', action: m.status === 'voided' || m.status === 'reused' ? 'block' : 'warn', code: why.code, params: why.params });
  };
}
