/**
 * Revenue by customer → one posted voucher per row: Dr 1122 应收账款 价税合计 / Cr 主营业务收入
 * (5001 small, 6001 enterprise) the rest / Cr 应交税费-应交增值税-销项税额 the tax, at the
 * row's 税率, else the customer's, else the book's (vat/output.ts); the receivable and the
 * revenue with the customer. A negative amount (a credit note, typed (123.00)) swaps the
 * sides. Duplicates: the same (date, customer, amount, memo).
 */
import { nameKey } from '../../../../shared/text';
import type { Book } from '../../book/book';
import { bookVoucher } from '../../ledger/vouchers';
import { accountFacts } from '../../ledger/voucher-rules';
import type { Candidate, CommitCtx, KindHandler, RowParse, RowView } from '../kind';
import { cellText, parseAmountValue, parseDateValue } from '../values';
import { fail, fingerprint } from './common';
import { parseRate } from '../../vat/rate';
import { saleCredits, saleRates } from '../../vat/output';

interface RevenueRow {
  date: string;
  customer: string;
  amountFen: number;
  memo: string;
  ratePct: number | null;
}

function parse(row: RowView): RowParse<RevenueRow> {
  const date = parseDateValue(row.get('date'));
  if (!date.ok) return fail(`import.reject.${date.reason}`);
  const amount = parseAmountValue(row.get('amount'));
  if (!amount.ok) return fail(`import.reject.${amount.reason}`);
  if (amount.fen === 0) return fail('import.reject.amount.zero');
  const customer = cellText(row.get('customer'));
  if (!nameKey(customer)) return fail('import.reject.customer.missing');
  const rateText = cellText(row.get('rate'));
  const rate = rateText ? parseRate(rateText) : null;
  if (rate && !rate.ok) return fail('import.reject.rate.invalid', { rate: rateText });
  return { ok: true, value: { date: date.date, customer, amountFen: amount.fen, memo: cellText(row.get('memo')), ratePct: rate?.ok ? rate.pct : null } };
}

export function revenueKind(book: Book): KindHandler<RevenueRow> {
  return {
    keepCells: true,
    parse,
    commit(items: Candidate<RevenueRow>[], ctx: CommitCtx) {
      const facts = accountFacts(book);
      const receivable = book.account('receivable');
      const revenue = book.account('mainRevenue');
      const rateOf = saleRates(book);
      for (const c of items) {
        const v = c.value;
        const fp = fingerprint('r', [v.date, v.customer, v.amountFen, v.memo]);
        if (ctx.seen(fp)) {
          ctx.duplicate(c);
          continue;
        }
        const ok = ctx.attempt(c, () => {
          const customerId = ctx.masters.customer(v.customer).id;
          const memo = v.memo || `收入 ${v.customer}`;
          const fen = Math.abs(v.amountFen);
          const credits = saleCredits(book, fen, rateOf(customerId, v.ratePct), revenue, { customerId }, memo);
          // A credit note: the same lines, sides swapped.
          const lines = v.amountFen > 0 ? [{ account: receivable, debitFen: fen, memo, customerId }, ...credits] : [...credits.map(({ creditFen, ...l }) => ({ ...l, debitFen: creditFen })), { account: receivable, creditFen: fen, memo, customerId }];
          bookVoucher(book, { date: v.date, memo, source: { type: 'import', id: ctx.batchId }, lines }, facts);
        });
        if (ok) {
          ctx.remember(c, fp, null);
          ctx.accept(c, v.amountFen);
        }
      }
    },
  };
}
