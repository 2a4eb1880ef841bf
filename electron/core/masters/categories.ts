/** Expense categories: names, synonyms an import recognises, and the account each books to. */
import { UserError } from '../../../shared/errors';
import { cleanName, nameKey } from '../../../shared/text';
import type { CategoryRow } from '../../../shared/contract/masters';
import type { Book } from '../book/book';
import { auditMaster, snapshot } from './audit';

interface CategoryDb {
  id: number;
  code: string;
  name: string;
  name_en: string;
  synonyms: string;
  account_code: string;
  account_name: string;
  is_client: number;
  active: number;
}

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

const SELECT = `SELECT c.*, a.name AS account_name FROM category c JOIN account a ON a.code = c.account_code`;

export function listCategories(book: Book): CategoryRow[] {
  return (book.sqlite.prepare(`${SELECT} ORDER BY c.id`).all() as CategoryDb[]).map(toRow);
}

export function categoryRow(book: Book, id: number): CategoryRow {
  const r = book.sqlite.prepare(`${SELECT} WHERE c.id = ?`).get(id) as CategoryDb | undefined;
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
    const a = book.sqlite
      .prepare(`SELECT active, NOT EXISTS (SELECT 1 FROM account c WHERE c.parent_code = a.code) AS leaf FROM account a WHERE code = ?`)
      .get(req.accountCode) as { active: number; leaf: number } | undefined;
    if (!a || a.active !== 1 || a.leaf !== 1) throw new UserError('masters.categoryAccount', { account: req.accountCode });
  }
  // Synonyms are kept as written but de-duplicated by their matching key.
  const synonyms = req.synonyms && [...new Map(req.synonyms.map((s) => [nameKey(s), cleanName(s)])).values()];
  book.sqlite
    .prepare(`UPDATE category SET name = COALESCE(?, name), name_en = COALESCE(?, name_en), synonyms = COALESCE(?, synonyms), account_code = COALESCE(?, account_code), active = COALESCE(?, active) WHERE id = ?`)
    .run(name ?? null, req.nameEn ?? null, synonyms ? JSON.stringify(synonyms) : null, req.accountCode ?? null, req.active === undefined ? null : req.active ? 1 : 0, req.id);
  auditMaster(book, 'category', 'update', req.id, before);
  return categoryRow(book, req.id);
}
