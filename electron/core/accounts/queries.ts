/** Reads of the chart of accounts, paged by code (keyset: code > after). */
import type { Book } from '../book/book';
import type { AccountRow } from '../../../shared/contract/accounts';
import type { Page } from '../../../shared/contract/define';
import { sql } from 'kysely';

/** An account as screens see it, from its table row plus whether it has children. */
export function toAccountRow(r: { code: string; name: string; parent_code: string | null; type: AccountRow['type']; normal_side: AccountRow['normalSide']; active: number; dims: string; leaf: number }): AccountRow {
  return {
    code: r.code,
    name: r.name,
    parentCode: r.parent_code,
    level: r.code.length === 4 ? 1 : r.code.length === 6 ? 2 : 3,
    type: r.type,
    normalSide: r.normal_side,
    active: r.active === 1,
    leaf: r.leaf === 1,
    dims: r.dims ? r.dims.split(',') : [],
  };
}

/** The account columns screens show, with whether the account has children. */
export const selectAccounts = (book: Book) =>
  book.q
    .selectFrom('account as a')
    .select([
      'a.code',
      'a.name',
      'a.parent_code',
      'a.type',
      'a.normal_side',
      'a.active',
      'a.dims',
      sql<number>`NOT EXISTS (SELECT 1 FROM account c WHERE c.parent_code = a.code)`.as('leaf'),
    ]);

export function pageAccounts(book: Book, req: { after?: string | null | undefined; limit: number; search?: string | undefined }): Page<AccountRow> {
  let query = selectAccounts(book)
    .orderBy('a.code')
    .limit(req.limit + 1);
  if (req.after) query = query.where('a.code', '>', req.after);
  if (req.search) {
    const like = `%${req.search.replace(/[%_]/g, '')}%`;
    query = query.where((eb) => eb.or([eb('a.code', 'like', like), eb('a.name', 'like', like)]));
  }
  const rows = book.db.all(query);
  const more = rows.length > req.limit;
  const page = rows.slice(0, req.limit).map(toAccountRow);
  return { rows: page, next: more ? (page.at(-1)?.code ?? null) : null };
}
