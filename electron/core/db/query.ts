/**
 * Kysely is our typed query builder; better-sqlite3 runs the compiled SQL synchronously.
 * Synchronous execution keeps every user action inside one plain SQLite transaction
 * (no async interleaving) and is what makes 200,000-row imports fast.
 *
 * The constants that partial indexes name (`posted = 1` on voucher_line, `status = 'posted'`
 * on voucher) are written as `sql.lit(…)`, not bound: SQLite can only use a partial index for
 * a bound value by re-preparing the statement at every run with the value in hand (measured
 * 20 → 60 µs for a small query; https://www.sqlite.org/partialindex.html, "Queries Using
 * Partial Indexes", and sqlite3_prepare_v2's re-prepare on bindings).
 */
import {
  DummyDriver,
  Kysely,
  SqliteAdapter,
  SqliteIntrospector,
  SqliteQueryCompiler,
  type Compilable,
  type InferResult,
} from 'kysely';
import type { Statement } from 'better-sqlite3';
import type { DB } from './schema/index';
import type { Sqlite } from './sqlite';

export const builder = new Kysely<DB>({
  dialect: {
    createAdapter: () => new SqliteAdapter(),
    createDriver: () => new DummyDriver(),
    createIntrospector: (db) => new SqliteIntrospector(db),
    createQueryCompiler: () => new SqliteQueryCompiler(),
  },
});

/** The row type a compiled query yields. */
export type Row<Q> = Q extends Compilable<infer O> ? (InferResult<Q> extends (infer R)[] ? R : O) : never;

/** Prepared statements kept per SQL text; past this many distinct texts the cache starts over. */
const CACHED = 400;

export class Queries {
  constructor(private readonly sqlite: Sqlite) {}

  /**
   * Compiled SQL repeats (the same query with new parameters), and preparing it again
   * each call was the largest single cost of building the demo book (0.5 s of ~1.7 s CPU,
   * a profile of book.demo). all/get/run finish before returning, so a cached statement
   * is never busy when it is used again.
   */
  private readonly statements = new Map<string, Statement>();

  private prepare(sql: string, bigInts = false): Statement {
    const key = bigInts ? `big:${sql}` : sql;
    let st = this.statements.get(key);
    if (!st) {
      if (this.statements.size >= CACHED) this.statements.clear();
      st = this.sqlite.prepare(sql);
      if (bigInts) st.safeIntegers(true);
      this.statements.set(key, st);
    }
    return st;
  }

  all<Q extends Compilable<unknown>>(query: Q): Row<Q>[] {
    const c = query.compile();
    return this.prepare(c.sql).all(...(c.parameters as unknown[])) as Row<Q>[];
  }

  first<Q extends Compilable<unknown>>(query: Q): Row<Q> | undefined {
    const c = query.compile();
    return this.prepare(c.sql).get(...(c.parameters as unknown[])) as Row<Q> | undefined;
  }

  /**
   * As first, with every integer read as BigInt: SQLite sums int64 exactly, and a sum of fen
   * past 2^53 would come back a fen off as a number (reports/exact.ts turns it back, or refuses).
   */
  firstExact<Q extends Compilable<unknown>>(query: Q): { [K in keyof Row<Q>]: Row<Q>[K] extends number ? bigint : Row<Q>[K] } | undefined {
    const c = query.compile();
    return this.prepare(c.sql, true).get(...(c.parameters as unknown[])) as never;
  }

  /** As all, every integer read as BigInt (see firstExact). */
  allExact<Q extends Compilable<unknown>>(query: Q): { [K in keyof Row<Q>]: Row<Q>[K] extends number ? bigint : Row<Q>[K] extends number | null ? bigint | null : Row<Q>[K] }[] {
    const c = query.compile();
    return this.prepare(c.sql, true).all(...(c.parameters as unknown[])) as never;
  }

  /** Runs an insert/update/delete; returns changes and the last inserted rowid. */
  run(query: Compilable<unknown>): { changes: number; lastInsertRowid: number } {
    const c = query.compile();
    const r = this.prepare(c.sql).run(...(c.parameters as unknown[]));
    return { changes: r.changes, lastInsertRowid: Number(r.lastInsertRowid) };
  }
}
