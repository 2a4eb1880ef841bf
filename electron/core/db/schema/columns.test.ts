/**
 * The DB type is complete by construction: columns.ts is held equal to the DB type by the
 * compiler, and here equal to the tables and columns a freshly migrated book has (read from
 * sqlite_schema and pragma_table_info), so a migration that adds a table or column without
 * its row type fails this test.
 */
import { describe, expect, it } from 'vitest';
import { openSqlite } from '../sqlite';
import { migrate } from '../migrations/index';
import { COLUMNS } from './columns';

const KIND: Record<string, string> = { TEXT: 'text', INTEGER: 'int', BLOB: 'blob' };

function liveSchema(): Record<string, Record<string, string>> {
  const sqlite = openSqlite(':memory:');
  migrate(sqlite);
  const tables = sqlite
    .prepare(`SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name`)
    .all() as { name: string }[];
  const out: Record<string, Record<string, string>> = {};
  for (const { name } of tables) {
    const cols = sqlite.prepare('SELECT name, type, "notnull" AS nn, pk FROM pragma_table_info(?)').all(name) as {
      name: string;
      type: string;
      nn: number;
      pk: number;
    }[];
    // A primary-key column is never null here: INTEGER PRIMARY KEY is the rowid, and every other key is NOT NULL or STRICT-typed.
    out[name] = Object.fromEntries(cols.map((c) => [c.name, `${KIND[c.type] ?? c.type}${c.nn || c.pk ? '' : '?'}`]));
  }
  sqlite.close();
  return out;
}

describe('schema types', () => {
  it('name every table and column of a migrated book, with its kind and nullability', () => {
    const live = liveSchema();
    expect(Object.keys(live).length).toBeGreaterThan(30);
    expect(Object.keys(COLUMNS).sort()).toEqual(Object.keys(live).sort());
    for (const [table, columns] of Object.entries(live)) {
      expect({ table, columns: COLUMNS[table as keyof typeof COLUMNS] }).toEqual({ table, columns });
    }
  });
});
