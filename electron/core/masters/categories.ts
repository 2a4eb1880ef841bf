/** Expense categories: names, synonyms an import recognises, and the account each books to. */
import { UserError } from '../../../shared/errors';
import { cleanName, nameKey } from '../../../shared/text';
import type { CategoryRow } from '../../../shared/contract/masters';
import type { Book } from '../book/book';
import type { Row } from '../db/query';
import { selectAccounts } from '../accounts/queries';
import { auditMaster, snapshot } from './audit';


const toRow = (r: CategoryDb): CategoryRow => ({
  id: r.id,
  code: r.code,
  name: r.name,
  nameEn: r.name_en,
  synonyms: JSON.parse(r.synonyms) as string[],
  accountCode: r.account_code,
  accountName: r.account_name,
  isClient: r.is_client === 1,
  active: r.active === 1,
});

const selectCategories = (book: Book) =>
  book.q.selectFrom('category as c').innerJoin('account as a', 'a.code', 'c.account_code').selectAll('c').select('a.name as account_name');

type CategoryDb = Row<ReturnType<typeof selectCategories>>;

export function listCategories(book: Book): CategoryRow[] {
  return book.db.all(selectCategories(book).orderBy('c.id')).map(toRow);
}

export function categoryRow(book: Book, id: number): CategoryRow {
  const r = book.db.first(selectCategories(book).where('c.id', '=', id));
  if (!r) throw new UserError('masters.notFound', { entity: 'category', id });
  return toRow(r);
}

export function updateCategory(
  book: Book,
  req: { id: number; name?: string | undefined; nameEn?: string | undefined; synonyms?: string[] | undefined; accountCode?: string | undefined; active?: boolean | undefined },
): CategoryRow {
  const before = snapshot(book, 'category', req.id);
  if (!before) throw new UserError('masters.notFound', { entity: 'category', id: req.id });
  const name = req.name === undefined ? undefined : cleanName(req.name);
  if (name !== undefined) {
    const clash = listCategories(book).find((c) => c.id !== req.id && nameKey(c.name) === nameKey(name));
    if (clash) throw new UserError('masters.nameTaken', { entity: 'category', name, code: clash.code });
  }
  if (req.accountCode !== undefined) {
    const a = book.db.first(selectAccounts(book).where('a.code', '=', req.accountCode));
    if (!a || a.active !== 1 || a.leaf !== 1) throw new UserError('masters.categoryAccount', { account: req.accountCode });
  }
  // Synonyms are kept as written but de-duplicated by their matching key.
  const synonyms = req.synonyms && [...new Map(req.synonyms.map((s) => [nameKey(s), cleanName(s)])).values()];
  book.db.run(
    book.q
      .updateTable('category')
      .set((eb) => ({
        name: name ?? eb.ref('name'),
        name_en: req.nameEn ?? eb.ref('name_en'),
        synonyms: synonyms ? JSON.stringify(synonyms) : eb.ref('synonyms'),
        account_code: req.accountCode ?? eb.ref('account_code'),
        active: req.active === undefined ? eb.ref('active') : req.active ? 1 : 0,
      }))
      .where('id', '=', req.id),
  );
  auditMaster(book, 'category', 'update', req.id, before);
  return categoryRow(book, req.id);
}
