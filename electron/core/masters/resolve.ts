/**
 * Find-or-create customers and employees by name (name_key: NFKC, spaces and case folded),
 * with generated codes for new ones in the book's own width (C041 after C040; C0001 in a new book). Imports and screens share this so the
 * same person is never created twice under two spellings. Runs inside the caller's tx.
 */
import { cleanName, nameKey } from '../../../shared/text';
import type { Book } from '../book/book';

type MasterTable = 'customer' | 'employee';
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
  const prefix = PREFIX[table];
  const row = book.sqlite
    .prepare(
      `SELECT CAST(substr(code, 2) AS INTEGER) AS n, length(code) - 1 AS width FROM ${table}
        WHERE code GLOB '${prefix}[0-9]*' AND substr(code, 2) NOT GLOB '*[^0-9]*'
        ORDER BY n DESC, width LIMIT 1`,
    )
    .get() as { n: number; width: number } | undefined;
  return row ?? { n: 0, width: 4 };
}

const codeOf = (table: MasterTable, n: number, width: number) => `${PREFIX[table]}${String(n).padStart(width, '0')}`;

/** The next free generated code: one above the highest C… / E… in use, in the book's width. */
export function nextMasterCode(book: Book, table: MasterTable): string {
  const top = highestCode(book, table);
  return codeOf(table, top.n + 1, top.width);
}

export function findMaster(book: Book, table: MasterTable, name: string): number | null {
  const row = book.sqlite.prepare(`SELECT id FROM ${table} WHERE name_key = ?`).get(nameKey(name)) as { id: number } | undefined;
  return row?.id ?? null;
}

/**
 * A resolver for many rows: caches by name key and numbers new codes without re-querying.
 * `batchId` marks what an import created (undo removes it again).
 */
export class MasterResolver {
  private cache: Record<MasterTable, Map<string, number>> = { customer: new Map(), employee: new Map() };
  /** By the name exactly as written: rows repeat the same spelling, so most lookups skip the folding. */
  private raw: Record<MasterTable, Map<string, number>> = { customer: new Map(), employee: new Map() };
  private next: Partial<Record<MasterTable, number>> = {};
  readonly created: Record<MasterTable, number[]> = { customer: [], employee: [] };

  constructor(
    private readonly book: Book,
    private readonly batchId: number | null = null,
  ) {}

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
    this.next[table] = undefined;
  }

  private resolve(table: MasterTable, name: string, extra: { code?: string; tier?: string; managerId?: number | null; departmentId?: number | null; approverId?: number | null }): Resolved {
    const existing = this.find(table, name);
    if (existing !== null) return { id: existing, created: false };
    const code = extra.code ?? this.nextCode(table);
    const display = cleanName(name);
    const id =
      table === 'customer'
        ? Number(
            this.book.sqlite
              .prepare(`INSERT INTO customer (code, name, name_key, tier, manager_id, batch_id) VALUES (?, ?, ?, ?, ?, ?)`)
              .run(code, display, nameKey(name), extra.tier ?? '', extra.managerId ?? null, this.batchId).lastInsertRowid,
          )
        : Number(
            this.book.sqlite
              .prepare(`INSERT INTO employee (code, name, name_key, department_id, approver_id, batch_id) VALUES (?, ?, ?, ?, ?, ?)`)
              .run(code, display, nameKey(name), extra.departmentId ?? null, extra.approverId ?? null, this.batchId).lastInsertRowid,
          );
    this.cache[table].set(nameKey(name), id);
    this.created[table].push(id);
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
    const taken = this.book.sqlite.prepare(`SELECT 1 FROM ${table} WHERE code = ?`);
    while (taken.get(codeOf(table, n, width))) n++;
    this.next[table] = n + 1;
    return codeOf(table, n, width);
  }
}
