/** Ledger channels: each write is one transaction; reads go straight to the book. */
import { UserError } from '../../../shared/errors';
import { defineHandlers } from '../service/handlers';
import { saveDraft } from './drafts';
import { outputPath } from '../files/user-paths';
import { exportHledger } from './hledger';
import { detailPage, journalPage } from './lines';
import { closePeriod, reopenPeriod, withFuturePeriods } from './periods';
import { listPeriods, pageVouchers, voucherDto } from './read';
import { chineseTrialBalance } from './trial-balance';
import { deleteDraft, postDraft, reverseVoucher } from './vouchers';

export const ledgerHandlers = defineHandlers({
  'vouchers.save': (req, s) => {
    const book = s.requireBook();
    const id = book.tx(() =>
      withFuturePeriods(book, req.confirmFuture, () =>
        saveDraft(book, req.id, { date: req.date, memo: req.memo, lines: req.lines, attachments: req.attachments, ...(req.word ? { word: req.word } : {}) }),
      ),
    );
    return voucherDto(book, id);
  },
  'vouchers.post': (req, s) => {
    const book = s.requireBook();
    book.tx(() => postDraft(book, req.id));
    return voucherDto(book, req.id);
  },
  'vouchers.reverse': (req, s) => {
    const book = s.requireBook();
    const r = book.tx(() => reverseVoucher(book, req.id, req.date));
    return voucherDto(book, r.id);
  },
  'vouchers.delete': (req, s) => {
    const book = s.requireBook();
    book.tx(() => deleteDraft(book, req.id));
    return { deleted: req.id };
  },
  'vouchers.get': (req, s) => voucherDto(s.requireBook(), req.id),
  'vouchers.page': (req, s) => pageVouchers(s.requireBook(), req),
  'periods.list': (_req, s) => listPeriods(s.requireBook()),
  'periods.close': (req, s) => {
    const book = s.requireBook();
    const first = book.meta('first_period');
    if (first && req.period < first) throw new UserError('ledger.beforeFirstPeriod', { period: req.period, first });
    book.tx(() => withFuturePeriods(book, req.confirmFuture, () => closePeriod(book, req.period)));
    return listPeriods(book);
  },
  'periods.reopen': (req, s) => {
    const book = s.requireBook();
    book.tx(() => reopenPeriod(book, req.period, req.reason));
    return listPeriods(book);
  },
  'ledger.detailPage': (req, s) => detailPage(s.requireBook(), req),
  'ledger.journalPage': (req, s) => journalPage(s.requireBook(), req),
  'ledger.trialBalance': (req, s) => {
    if (req.from > req.to) throw new UserError('report.badRange', { from: req.from, to: req.to });
    const { from, to, zero, ...filters } = req;
    return chineseTrialBalance(s.requireBook(), from, to, filters, zero ? { zero } : {});
  },
  'ledger.exportHledger': (req, s) => exportHledger(s.requireBook(), req.path === undefined ? undefined : outputPath(s, req.path)),
});
