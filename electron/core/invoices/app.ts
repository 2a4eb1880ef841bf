/** Invoice ledger channels and the book settings (纳税人识别号, taxpayer type and VAT rates). */
import { message } from '../../../shared/messages/index';
import type { Book } from '../book/book';
import { defineHandlers } from '../service/handlers';
import { matchMessage, matchPeriod, taxIdOf } from './match';
import { setVatSettings, vatSettings } from '../vat/settings';
import type { BookSettings } from '../../../shared/contract/invoices';

const settingsOf = (book: Book): BookSettings => {
  const v = vatSettings(book);
  return { taxId: taxIdOf(book), taxpayer: v.taxpayer, vatRatePct: v.outputRatePct, smallRatePct: v.smallRatePct };
};

/** Sets the book's 纳税人识别号 inside the caller's transaction, audited (book_meta is row-logged too). */
export function setTaxId(book: Book, taxId: string): void {
  const before = taxIdOf(book);
  if (before === taxId) return;
  book.db.run(book.q.insertInto('book_meta').values({ key: 'tax_id', value: taxId }).onConflict((oc) => oc.column('key').doUpdateSet({ value: (eb) => eb.ref('excluded.value') })));
  book.audit({ action: 'book.set', entity: 'book_meta', entityId: 0, before: { taxId: before }, after: { taxId } });
}

export const invoicesHandlers = defineHandlers({
  'invoices.match': (req, s) => {
    const book = s.requireBook();
    const amounts = new Map<string, number>();
    for (const r of book.db.all(book.q.selectFrom('claim_line').select(['claim_id', 'line_no', 'amount_fen']).where('invoice_no', 'is not', null))) amounts.set(`${r.claim_id}:${r.line_no}`, r.amount_fen);
    return {
      lines: matchPeriod(book, req.from, req.to).map((m) => {
        const why = matchMessage(m, amounts.get(`${m.claimId}:${m.line}`) ?? 0);
        return { claimId: m.claimId, line: m.line, invoiceNo: m.invoiceNo, status: m.status, ...(why ? { message: message(s.locale, why.code, why.params) } : {}) };
      }),
    };
  },
  'book.settings': (_req, s) => settingsOf(s.requireBook()),
  'book.set': (req, s) => {
    const book = s.requireBook();
    book.tx(() => {
      if (req.taxId !== undefined) setTaxId(book, req.taxId);
      setVatSettings(book, {
        ...(req.taxpayer ? { taxpayer: req.taxpayer } : {}),
        ...(req.vatRatePct !== undefined ? { outputRatePct: req.vatRatePct } : {}),
        ...(req.smallRatePct !== undefined ? { smallRatePct: req.smallRatePct } : {}),
      });
    });
    return settingsOf(book);
  },
});
