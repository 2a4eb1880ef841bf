/** Period-end channels: 结转损益 (one transaction) and the 结账检查 (a read), messages in the session's language. */
import { message } from '../../../shared/messages/index';
import { defineHandlers } from '../service/handlers';
import { closeCheck, type CheckItem } from './check';
import { transferPl } from './transfer';
import type { Locale } from '../../../shared/messages/index';

const item = (locale: Locale) => (i: CheckItem) => ({ code: i.code, message: message(locale, i.code, i.params), params: i.params, link: i.link });

export const closingHandlers = defineHandlers({
  'periods.transferPl': (req, s) => {
    const book = s.requireBook();
    return book.tx(() => transferPl(book, req.period));
  },
  'periods.closeCheck': (req, s) => {
    const c = closeCheck(s.requireBook(), req.period);
    return { period: c.period, blockers: c.blockers.map(item(s.locale)), warnings: c.warnings.map(item(s.locale)) };
  },
});
