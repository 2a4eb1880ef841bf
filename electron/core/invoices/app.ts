/** Invoice ledger channels and the book settings it reads (纳税人识别号). */
import { message } from '../../../shared/messages/index';
import type { Book } from '../book/book';
import { defineHandlers } from '../service/handlers';
import { matchMessage, matchPeriod, taxIdOf } from './match';

/** Sets the book's 纳税人识别号 inside the caller's transaction, audited (book_meta is row-logged too). */
export function setTaxId(book: Book, taxId: string): void {
  const before = taxIdOf(book);
  if (before === taxId) return;
  book.sqlite.prepare(`INSERT INTO book_meta (key, value) VALUES ('tax_id', ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value`).run(taxId);
  book.audit({ action: 'book.set', entity: 'book_meta', entityId: 0, before: { taxId: before }, after: { taxId } });
}

export const invoicesHandlers = defineHandlers({
  'invoices.match': (req, s) => {
    const book = s.requireBook();
    const amounts = new Map<string, number>();
    for (const r of book.sqlite.prepare('SELECT claim_id AS c, line_no AS l, amount_fen AS a FROM claim_line WHERE invoice_no IS NOT NULL').all() as { c: number; l: number; a: number }[]) amounts.set(`${r.c}:${r.l}`, r.a);
    return {
      lines: matchPeriod(book, req.from, req.to).map((m) => {
        const why = matchMessage(m, amounts.get(`${m.claimId}:${m.line}`) ?? 0);
        return { claimId: m.claimId, line: m.line, invoiceNo: m.invoiceNo, status: m.status, ...(why ? { message: message(s.locale, why.code, why.params) } : {}) };
      }),
    };
  },
  'book.settings': (_req, s) => ({ taxId: taxIdOf(s.requireBook()) }),
  'book.set': (req, s) => {
    const book = s.requireBook();
    book.tx(() => {
      if (req.taxId !== undefined) setTaxId(book, req.taxId);
    });
    return { taxId: taxIdOf(book) };
  },
});
