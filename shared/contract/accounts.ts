/** The chart of accounts: viewed on AccountsPage, sub-accounts added and edited on MastersPage; core/accounts serves both. */
import { z } from 'zod';
import { channel, type Page } from './define';
import { accountCode, name, searchPageArgs } from './primitives';

export interface AccountRow {
  code: string;
  name: string;
  parentCode: string | null;
  level: number;
  type: 'asset' | 'liability' | 'equity' | 'cost' | 'revenue' | 'expense';
  normalSide: 'debit' | 'credit';
  active: boolean;
  leaf: boolean;
  dims: string[];
}

const dims = z.array(z.enum(['customer', 'employee', 'department'])).max(3);

export const accountsChannels = {
  'accounts.page': channel<Page<AccountRow>>()(
    z.object(searchPageArgs),
  ),
  /** A sub-account under `parent` (4-2-2: the next free two digits unless `code` is given). */
  'accounts.addSub': channel<AccountRow>()(z.object({ parent: accountCode, code: accountCode.optional(), name, dims: dims.optional() })),
  'accounts.update': channel<AccountRow>()(z.object({ code: accountCode, name: name.optional(), dims: dims.optional() })),
  'accounts.setActive': channel<AccountRow>()(z.object({ code: accountCode, active: z.boolean() })),
};
