/**
 * The expense policy at import time (DOMAIN.md: "the summary lists each row's policy
 * exceptions before anything is approved or posted"). Delegates to the claims engineer's
 * evaluator so a line is judged the same way on the claim screen and in an import.
 * Lines are checked one by one as they are accepted (running day and month totals carry
 * across chunks inside one evaluator), so a 200,000-row sheet never holds its lines or a
 * message per violation: the import keeps a count and the first few hundred.
 * The evaluator's duplicate-invoice rule meets an invoice repeated within the batch as
 * "repeated in this batch" before it looks at stored claims, so checking a line after earlier
 * lines of the same batch were written gives the same answer as checking them all first.
 */
import type { Book } from '../book/book';
import { lineEvaluator, type PolicyLine, type ViolationSink } from '../policy/evaluate';
import type { CommitCtx } from './kind';

export type ImportPolicyCheck = (line: PolicyLine, ref: { sheet: string; row: number }) => void;

export function importPolicy(book: Book, ctx: CommitCtx): ImportPolicyCheck {
  // A row whose invoice number is in the book or earlier in the file never gets here: it is a duplicate (CommitCtx.invoiceSeen).
  const check = lineEvaluator(book, { locale: ctx.locale, invoicesChecked: true });
  if (!check) return () => {};
  let index = 0;
  let ref = { sheet: '', row: 0 };
  const add: ViolationSink = (rule, _line, code, params) => ctx.addPolicy(ref, { rule: rule.kind, action: rule.action, code, params });
  return (line, at) => {
    ref = at;
    check(line, index++, add);
  };
}
