/**
 * The expense policy at import time (DOMAIN.md: "the summary lists each row's policy
 * exceptions before anything is approved or posted"). Delegates to the claims engineer's
 * evaluator so a line is judged the same way on the claim screen and in an import.
 * Call it with the accepted lines BEFORE their claims are written: the evaluator checks
 * duplicate invoice numbers against every claim line, and would otherwise meet the line itself.
 */
import type { PolicyException } from '../../../shared/contract/import';
import type { Locale } from '../../../shared/messages/index';
import type { Book } from '../book/book';
import { evaluateLines, type PolicyLine } from '../policy/evaluate';

export function importPolicyExceptions(book: Book, lines: PolicyLine[], refs: { sheet: string; row: number }[], locale: Locale): PolicyException[] {
  if (lines.length === 0) return [];
  return evaluateLines(book, lines, { locale }).map((v) => ({
    sheet: refs[v.line]!.sheet,
    row: refs[v.line]!.row,
    rule: v.kind,
    action: v.action,
    message: v.message,
  }));
}
