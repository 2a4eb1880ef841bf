/** Fills a new book: metadata, the standard's chart, default categories, first period. */
import type { Book } from './book';
import { codeFor, defaultChart, type Standard } from '../accounts/default-chart';
import { defaultCategories } from '../masters/default-categories';

export interface SeedInput {
  company: string;
  standard: Standard;
  firstPeriod: string;
  bookId: string;
}

const parentOf = (code: string): string | null =>
  code.length === 4 ? null : code.length === 6 ? code.slice(0, 4) : code.slice(0, 6);

export function seedBook(book: Book, s: SeedInput): void {
  const { q, db } = book;
  const meta = { company: s.company, standard: s.standard, base_currency: 'CNY', first_period: s.firstPeriod, book_id: s.bookId, created_at: new Date().toISOString() };
  for (const [key, value] of Object.entries(meta)) db.run(q.insertInto('book_meta').values({ key, value }));
  for (const a of defaultChart(s.standard)) {
    db.run(
      q.insertInto('account').values({
        code: a.code,
        name: a.name,
        parent_code: parentOf(a.code),
        type: a.type,
        normal_side: a.side,
        active: 1,
        dims: a.dims ?? '',
      }),
    );
  }
  for (const c of defaultCategories) {
    db.run(
      q.insertInto('category').values({
        code: c.code,
        name: c.name,
        name_en: c.nameEn,
        synonyms: JSON.stringify(c.synonyms),
        account_code: codeFor(s.standard, c.account),
        is_client: c.isClient ? 1 : 0,
        active: 1,
      }),
    );
  }
  db.run(q.insertInto('period').values({ period: s.firstPeriod, status: 'open', closed_at: null, closed_by: null }));
  book.audit({ action: 'book.create', entity: 'book', entityId: s.bookId, after: meta });
}
