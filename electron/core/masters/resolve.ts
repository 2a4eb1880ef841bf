/**
 * Find-or-create customers and employees by name (name_key: NFKC, spaces and case folded),
 * with generated codes for new ones in the book's own width (C041 after C040; C0001 in a new book). Imports and screens share this so the
 * same person is never created twice under two spellings. Runs inside the caller's tx.
 */
import { sql } from 'kysely';
import { UserError } from '../../../shared/errors';
import { cleanName, nameKey } from '../../../shared/text';
import type { Book } from '../book/book';

export type MasterTable = 'customer' | 'employee';
const PREFIX: Record<MasterTable, string> = { customer: 'C', employee: 'E' };

export interface Resolved {
  id: number;
  created: boolean;
}

/**
 * The highest numbered code in use (C040 → 40) and its digit count (3). New codes take the
 * book's own width, so C041 sorts after C040 (a C0041 beside C001 sorted before it); a
 * book without numbered codes starts at four digits (C0001).
 */
function highestCode(book: Book, table: MasterTable): { n: number; width: number } {
  // The pattern stays a literal in the SQL, as before, so SQLite sees a constant GLOB.
  const numbered = sql.lit(`${PREFIX[table]}[0-9]*`);
  const row = book.db.first(
    book.q
      .selectFrom(table)
      .select([sql<number>`CAST(substr(code, 2) AS INTEGER)`.as('n'), sql<number>`length(code) - 1`.as('width')])
      .where(sql<boolean>`code GLOB ${numbered} AND substr(code, 2) NOT GLOB '*[^0-9]*'`)
      .orderBy('n', 'desc')
      .orderBy('width')
      .limit(1),
  );
  return row ?? { n: 0, width: 4 };
}

const codeOf = (table: MasterTable, n: number, width: number) => `${PREFIX[table]}${String(n).padStart(width, '0')}`;

/** The next free generated code: one above the highest C… / E… in use, in the book's width. */
export function nextMasterCode(book: Book, table: MasterTable): string {
  const top = highestCode(book, table);
  return codeOf(table, top.n + 1, top.width);
}

export function findMaster(book: Book, table: MasterTable, name: string): number | null {
  const row = book.db.first(book.q.selectFrom(table).select('id').where('name_key', '=', nameKey(name)));
  return row?.id ?? null;
}

/** A master the resolver created (or, dry, would create), with the rows that resolved to it. */
export interface NewMasterUse {
  id: number;
  code: string;
  name: string;
  uses: number;
}

export interface ResolverOptions {
  /** `batchId` marks what an import created (undo removes it again). */
  batchId?: number | null;
  /** Propose, never write: new masters get negative ids and the codes an import would give them. */
  dryRun?: boolean;
  /**
   * The new masters the user confirmed (name key → the code the preview proposed), per
   * table: a new master of a listed table that is not confirmed is refused, and a confirmed
   * one gets its proposed code while that is still free (so the preview's codes are the codes).
   */
  confirmed?: Partial<Record<MasterTable, Map<string, string>>>;
}

/** A resolver for many rows: caches by name key and numbers new codes without re-querying. */
export class MasterResolver {
  private cache: Record<MasterTable, Map<string, number>> = { customer: new Map(), employee: new Map() };
  /** By the name exactly as written: rows repeat the same spelling, so most lookups skip the folding. */
  private raw: Record<MasterTable, Map<string, number>> = { customer: new Map(), employee: new Map() };
  private next: Partial<Record<MasterTable, number>> = {};
  readonly created: Record<MasterTable, number[]> = { customer: [], employee: [] };
  /** What each created id is and how many resolutions (rows) used it, in creation order. */
  private readonly made: Record<MasterTable, Map<number, NewMasterUse>> = { customer: new Map(), employee: new Map() };
  /** Codes given out by this resolver (a dry run's are in no table). */
  private readonly given: Record<MasterTable, Set<string>> = { customer: new Set(), employee: new Set() };
  private dryIds = 0;
  private readonly batchId: number | null;

  constructor(
    private readonly book: Book,
    private readonly options: ResolverOptions = {},
  ) {
    this.batchId = options.batchId ?? null;
  }

  /** The masters created (dry: proposed) so far, in creation order, with how many rows use each. */
  newMasters(table: MasterTable): NewMasterUse[] {
    return this.created[table].map((id) => this.made[table].get(id)!);
  }

  customer(name: string, extra: { code?: string; tier?: string; managerId?: number | null } = {}): Resolved {
    return this.resolve('customer', name, extra);
  }

  employee(name: string, extra: { code?: string; departmentId?: number | null; approverId?: number | null } = {}): Resolved {
    return this.resolve('employee', name, extra);
  }

  /** Only looks up; never creates. */
  find(table: MasterTable, name: string): number | null {
    const exact = this.raw[table].get(name);
    if (exact !== undefined) return exact;
    const key = nameKey(name);
    const hit = this.cache[table].get(key) ?? findMaster(this.book, table, name);
    if (hit !== null) {
      this.cache[table].set(key, hit);
      this.raw[table].set(name, hit);
    }
    return hit;
  }

  /** Forgets ids created inside a rolled-back savepoint. */
  forget(table: MasterTable, id: number): void {
    for (const [k, v] of this.cache[table]) if (v === id) this.cache[table].delete(k);
    for (const [k, v] of this.raw[table]) if (v === id) this.raw[table].delete(k);
    this.created[table] = this.created[table].filter((x) => x !== id);
    const made = this.made[table].get(id);
    if (made) this.given[table].delete(made.code);
    this.made[table].delete(id);
    this.next[table] = undefined;
  }

  private resolve(table: MasterTable, name: string, extra: { code?: string; tier?: string; managerId?: number | null; departmentId?: number | null; approverId?: number | null }): Resolved {
    const existing = this.find(table, name);
    if (existing !== null) {
      const made = this.made[table].get(existing);
      if (made) made.uses++;
      return { id: existing, created: false };
    }
    const confirmed = this.options.confirmed?.[table];
    const proposed = confirmed?.get(nameKey(name));
    if (confirmed && proposed === undefined && extra.code === undefined) throw new UserError('import.masterNotConfirmed', { what: table, name: cleanName(name) });
    const code = extra.code ?? (proposed !== undefined && !this.codeTaken(table, proposed) ? proposed : this.nextCode(table));
    const display = cleanName(name);
    const id = this.options.dryRun
      ? --this.dryIds
      : table === 'customer'
        ? this.book.db.run(
            this.book.q
              .insertInto('customer')
              .values({ code, name: display, name_key: nameKey(name), tier: extra.tier ?? '', manager_id: extra.managerId ?? null, batch_id: this.batchId }),
          ).lastInsertRowid
        : this.book.db.run(
            this.book.q
              .insertInto('employee')
              .values({ code, name: display, name_key: nameKey(name), department_id: extra.departmentId ?? null, approver_id: extra.approverId ?? null, batch_id: this.batchId }),
          ).lastInsertRowid;
    this.cache[table].set(nameKey(name), id);
    this.raw[table].set(name, id);
    this.created[table].push(id);
    this.made[table].set(id, { id, code, name: display, uses: 1 });
    this.given[table].add(code);
    return { id, created: true };
  }

  private width: Partial<Record<MasterTable, number>> = {};

  private nextCode(table: MasterTable): string {
    let n = this.next[table];
    if (n === undefined) {
      const top = highestCode(this.book, table);
      n = top.n + 1;
      this.width[table] = top.width;
    }
    const width = this.width[table] ?? 4;
    // A hand-made code may already sit at n (e.g. imported with its own code): skip it.
    while (this.codeTaken(table, codeOf(table, n, width))) n++;
    this.next[table] = n + 1;
    return codeOf(table, n, width);
  }

  /** In the book, or (dry) already proposed in this run. */
  private codeTaken(table: MasterTable, code: string): boolean {
    return this.given[table].has(code) || this.book.db.first(this.book.q.selectFrom(table).select('id').where('code', '=', code)) !== undefined;
  }
}
