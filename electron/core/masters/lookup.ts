/**
 * The pickers' search: by code prefix, by name (NFKC-folded substring) or by pinyin
 * initials ("clf" finds 差旅费, "yhck" 银行存款). Masters are small (hundreds to a few
 * thousand rows), so matching runs in memory; initials are cached per name.
 */
import { pinyin } from 'pinyin-pro';
import { nameKey } from '../../../shared/text';
import type { LookupItem } from '../../../shared/contract/masters';
import type { Book } from '../book/book';
import { selectAccounts } from '../accounts/queries';

const initialsCache = new Map<string, string>();

/** 差旅费 → "clf"; letters and digits of non-Chinese text are kept as they are (lower case). */
export function initials(name: string): string {
  let v = initialsCache.get(name);
  if (v === undefined) {
    v = pinyin(name, { pattern: 'first', toneType: 'none', type: 'array' }).join('').toLowerCase().replace(/[^a-z0-9]/g, '');
    if (initialsCache.size > 50_000) initialsCache.clear();
    initialsCache.set(name, v);
  }
  return v;
}

interface Candidate extends LookupItem {
  active: number;
}

/** Lower is better: exact code, code prefix, name prefix, initials prefix, name substring, initials substring. */
function rank(c: Candidate, q: string, qKey: string): number | null {
  if (!q) return 5;
  const code = c.code.toLowerCase();
  if (code === q) return 0;
  if (code.startsWith(q)) return 1;
  const nk = nameKey(c.name);
  if (nk.startsWith(qKey)) return 2;
  const ini = initials(c.name);
  if (ini.startsWith(qKey)) return 3;
  if (nk.includes(qKey)) return 4;
  if (ini.includes(qKey)) return 5;
  return null;
}

function candidates(book: Book, kind: 'account' | 'customer' | 'employee' | 'department', leafOnly: boolean): Candidate[] {
  switch (kind) {
    case 'account': {
      const rows = book.db.all(selectAccounts(book).orderBy('a.code'));
      const names = new Map(rows.map((r) => [r.code, r.name]));
      return rows
        .filter((r) => !leafOnly || r.leaf === 1)
        .map((r) => {
          const path: string[] = [];
          for (let p = r.parent_code; p; p = p.length > 4 ? p.slice(0, p.length - 2) : null) path.unshift(names.get(p) ?? p);
          return { id: r.code, code: r.code, name: r.name, hint: [...path, r.name].join(' / '), active: r.active };
        });
    }
    case 'customer':
      return book.db.all(book.q.selectFrom('customer').select(['id', 'code', 'name', 'tier as hint', 'active']).orderBy('code'));
    case 'employee':
      return book.db.all(
        book.q
          .selectFrom('employee as e')
          .leftJoin('department as d', 'd.id', 'e.department_id')
          .select((eb) => ['e.id', 'e.code', 'e.name', eb.fn.coalesce('d.name', eb.val('')).as('hint'), 'e.active'])
          .orderBy('e.code'),
      );
    case 'department':
      return book.db.all(book.q.selectFrom('department').select((eb) => ['id', 'code', 'name', eb.val('').as('hint'), 'active']).orderBy('code'));
  }
}

export function lookup(book: Book, req: { kind: 'account' | 'customer' | 'employee' | 'department'; q: string; limit: number; leafOnly?: boolean | undefined }): LookupItem[] {
  const q = req.q.trim().toLowerCase();
  const qKey = nameKey(req.q);
  const hits: { c: Candidate; r: number }[] = [];
  for (const c of candidates(book, req.kind, req.leafOnly ?? false)) {
    if (c.active !== 1) continue;
    const r = rank(c, q, qKey);
    if (r !== null) hits.push({ c, r });
  }
  hits.sort((a, b) => a.r - b.r || a.c.code.localeCompare(b.c.code));
  return hits.slice(0, req.limit).map(({ c }) => ({ id: c.id, code: c.code, name: c.name, hint: c.hint }));
}
