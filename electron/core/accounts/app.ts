/** Chart-of-accounts channels: the pages AccountsPage reads and the edits MastersPage makes, each edit one audited transaction. */
import { defineHandlers } from '../service/handlers';
import { addSubAccount, setAccountActive, updateAccount } from './edit';
import { pageAccounts } from './queries';

export const accountsHandlers = defineHandlers({
  'accounts.page': (req, s) => pageAccounts(s.requireBook(), req),
  'accounts.addSub': (req, s) => s.requireBook().tx(() => addSubAccount(s.requireBook(), req)),
  'accounts.update': (req, s) => s.requireBook().tx(() => updateAccount(s.requireBook(), req)),
  'accounts.setActive': (req, s) => s.requireBook().tx(() => setAccountActive(s.requireBook(), req.code, req.active)),
});
