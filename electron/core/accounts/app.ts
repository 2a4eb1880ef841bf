/** Chart-of-accounts channels. */
import { defineHandlers } from '../service/handlers';
import { pageAccounts } from './queries';

export const accountsHandlers = defineHandlers({
  'accounts.page': (req, s) => pageAccounts(s.requireBook(), req),
});
