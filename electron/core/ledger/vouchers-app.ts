/** Voucher workflow channels (shared/contract/vouchers.ts): each write one transaction. */
import { outputPath } from '../files/user-paths';
import { announceJob } from '../jobs/announce';
import { checkPrintParams } from './print/params';
import { defineHandlers } from '../service/handlers';
import { voucherDto } from './read';
import { setVoucherSettings, voucherSettings } from './voucher-settings';
import { findVoucherByNo, renumberPeriod, reviewVoucher, unreviewVoucher } from './workflow';

export const vouchersHandlers = defineHandlers({
  'vouchers.review': (req, s) => {
    const book = s.requireBook();
    book.tx(() => reviewVoucher(book, req.id));
    return voucherDto(book, req.id);
  },
  'vouchers.unreview': (req, s) => {
    const book = s.requireBook();
    book.tx(() => unreviewVoucher(book, req.id));
    return voucherDto(book, req.id);
  },
  'vouchers.find': (req, s) => {
    const book = s.requireBook();
    return voucherDto(book, findVoucherByNo(book, req.period, req.no));
  },
  'vouchers.settings': (_req, s) => voucherSettings(s.requireBook()),
  'vouchers.setSettings': (req, s) => {
    const book = s.requireBook();
    return book.tx(() => setVoucherSettings(book, req));
  },
  'vouchers.renumber': (req, s) => {
    const book = s.requireBook();
    return book.tx(() => renumberPeriod(book, req.period));
  },
  // Drawing a thousand vouchers takes seconds: a job worker does it on its own connection.
  // The voucher PDF through the core's one output rule (files/paths.ts): never over a book, its side files or the app's folders.
  'vouchers.print': (req, s) => {
    checkPrintParams(req);
    return announceJob(s, 'vouchers.print', { ...req, path: outputPath(s, req.path) });
  },
});
