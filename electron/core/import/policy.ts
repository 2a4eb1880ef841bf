/**
 * The expense policy at import time (docs/domain.md: "the summary lists each row's policy
 * exceptions before anything is approved or posted"). Delegates to the claims engineer's
 * evaluator so a line is judged the same way on the claim screen and in an import.
 * Lines are checked one by one as they are accepted (running day and month totals carry
 * across chunks inside one evaluator), so a 200,000-row sheet never holds its lines or a
 * message per violation: the import keeps a count and the first few hundred.
 * The duplicate-invoice rule is left out: a row whose invoice number is in the book or
 * earlier in the file is set aside as a duplicate before it gets here (CommitCtx.invoiceSeen).
 */
import type { Book } from '../book/book';
import { lineEvaluator, type PolicyLine, type ViolationSink } from '../policy/evaluate';
import type { CommitCtx } from './kind';

export type ImportPolicyCheck = (line: PolicyLine, ref: { sheet: string; row: number }) => void;

export function importPolicy(book: Book, ctx: CommitCtx): ImportPolicyCheck {
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
