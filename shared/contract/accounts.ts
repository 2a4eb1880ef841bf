import { z } from 'zod';
import { channel, type Page } from './define';

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

export const accountsChannels = {
  'accounts.page': channel<Page<AccountRow>>()(
    z.object({
      after: z.string().max(16).nullish(),
      limit: z.number().int().min(1).max(1000).default(100),
      search: z.string().max(100).optional(),
    }),
  ),
};
