/**
 * Kysely is our typed query builder; better-sqlite3 runs the compiled SQL synchronously.
 * Synchronous execution keeps every user action inside one plain SQLite transaction
 * (no async interleaving) and is what makes 200,000-row imports fast.
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

type Row<Q> = Q extends Compilable<infer O> ? (InferResult<Q> extends (infer R)[] ? R : O) : never;

export class Queries {
  constructor(private readonly sqlite: Sqlite) {}

  all<Q extends Compilable<unknown>>(query: Q): Row<Q>[] {
    const c = query.compile();
    return this.sqlite.prepare(c.sql).all(...(c.parameters as unknown[])) as Row<Q>[];
  }

  first<Q extends Compilable<unknown>>(query: Q): Row<Q> | undefined {
    const c = query.compile();
    return this.sqlite.prepare(c.sql).get(...(c.parameters as unknown[])) as Row<Q> | undefined;
  }

  /** Runs an insert/update/delete; returns changes and the last inserted rowid. */
  run(query: Compilable<unknown>): { changes: number; lastInsertRowid: number } {
    const c = query.compile();
    const r = this.sqlite.prepare(c.sql).run(...(c.parameters as unknown[]));
    return { changes: r.changes, lastInsertRowid: Number(r.lastInsertRowid) };
  }
}
