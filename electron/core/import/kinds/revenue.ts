/**
 * Revenue by customer → one posted voucher per row: Dr 1122 应收账款 / Cr 主营业务收入
 * (5001 small, 6001 enterprise), both with the customer. A negative amount (a credit
 * note, typed (123.00)) swaps the sides. Duplicates: the same (date, customer, amount, memo).
 */
import { nameKey } from '../../../../shared/text';
import type { Book } from '../../book/book';
import { bookVoucher } from '../../ledger/vouchers';
import { accountFacts } from '../../ledger/voucher-rules';
import type { Candidate, CommitCtx, KindHandler, RowParse, RowView } from '../kind';
import { cellText, parseAmountValue, parseDateValue } from '../values';
import { fail, fingerprint } from './common';

interface RevenueRow {
  date: string;
  customer: string;
  amountFen: number;
  memo: string;
}

function parse(row: RowView): RowParse<RevenueRow> {
  const date = parseDateValue(row.get('date'));
  if (!date.ok) return fail(`import.reject.${date.reason}`);
  const amount = parseAmountValue(row.get('amount'));
  if (!amount.ok) return fail(`import.reject.${amount.reason}`);
  if (amount.fen === 0) return fail('import.reject.amount.zero');
  const customer = cellText(row.get('customer'));
  if (!nameKey(customer)) return fail('import.reject.customer.missing');
  return { ok: true, value: { date: date.date, customer, amountFen: amount.fen, memo: cellText(row.get('memo')) } };
}

export function revenueKind(book: Book): KindHandler<RevenueRow> {
  return {
    keepCells: true,
    parse,
    commit(items: Candidate<RevenueRow>[], ctx: CommitCtx) {
      const facts = accountFacts(book);
      const receivable = book.account('receivable');
      const revenue = book.account('mainRevenue');
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
          const [dr, cr] = v.amountFen > 0 ? [receivable, revenue] : [revenue, receivable];
          bookVoucher(book, { date: v.date, memo, source: { type: 'import', id: ctx.batchId }, lines: [{ account: dr, debitFen: fen, memo, customerId }, { account: cr, creditFen: fen, memo, customerId }] }, facts);
        });
        if (ok) {
          ctx.remember(c, fp, null);
          ctx.accept(c, v.amountFen);
        }
      }
    },
  };
}
