/**
 * Applied migrations are frozen: books in the field already ran them, so a change to one
 * would never reach those books and would make new books differ from old ones. The hash of
 * each migration's body (its SQL; for a function migration, its module's code without
 * comments) is recorded in snapshot.json. A changed body fails here: add a new migration
 * instead. A new migration is recorded with
 *   UPDATE_MIGRATIONS=1 npx vitest run --project unit electron/core/db/migrations/snapshot.test.ts
 * which adds new ids only and never rewrites a recorded one.
 */
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { migrations } from './index';

const here = dirname(fileURLToPath(import.meta.url));
const SNAPSHOT = join(here, 'snapshot.json');

const sha = (text: string) => createHash('sha256').update(text).digest('hex');

/** A function migration's code, comments and layout aside (a reworded comment is no change). */
const code = (source: string) =>
  source
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/(^|\s)\/\/.*$/gm, '')
    .replace(/\s+/g, ' ')
    .trim();

function bodyHash(id: string): string {
  const m = migrations[id]!;
  if (typeof m === 'string') return `sql:${sha(m)}`;
  return `fn:${sha(code(readFileSync(join(here, `${id}.ts`), 'utf8')))}`;
}

function compare(recorded: Record<string, string>, now: Record<string, string>) {
  return {
    changed: Object.keys(recorded).filter((id) => id in now && now[id] !== recorded[id]),
    removed: Object.keys(recorded).filter((id) => !(id in now)),
    added: Object.keys(now).filter((id) => !(id in recorded)),
  };
}

describe('migrations', () => {
  it('are frozen once recorded', () => {
    const recorded = JSON.parse(readFileSync(SNAPSHOT, 'utf8')) as Record<string, string>;
    const now = Object.fromEntries(Object.keys(migrations).sort().map((id) => [id, bodyHash(id)]));
    const { changed, removed, added } = compare(recorded, now);
    expect(changed, `migration ${changed.join(', ')} changed after it was recorded: books that already ran it will never see the change. Restore it and add a new migration (in your id range) instead.`).toEqual([]);
    expect(removed, `migration ${removed.join(', ')} was removed: books that ran it would no longer open (book.newerVersion). Restore it.`).toEqual([]);
    if (added.length > 0 && process.env.UPDATE_MIGRATIONS === '1') {
      writeFileSync(SNAPSHOT, JSON.stringify({ ...recorded, ...Object.fromEntries(added.map((id) => [id, now[id]])) }, null, 2) + '\n');
      return;
    }
    expect(added, `new migration ${added.join(', ')}: record it with UPDATE_MIGRATIONS=1 npx vitest run --project unit electron/core/db/migrations/snapshot.test.ts`).toEqual([]);
  });

  it('notices a changed body, a removed and an added migration', () => {
    const sql = migrations['0001_book'] as string;
    const edited = `sql:${sha(sql.replace('CREATE TABLE', 'CREATE TABLE IF NOT EXISTS'))}`;
    expect(edited).not.toBe(bodyHash('0001_book'));
    expect(compare({ a: bodyHash('0001_book'), b: 'x' }, { a: edited, c: 'y' })).toEqual({ changed: ['a'], removed: ['b'], added: ['c'] });
    expect(code('/* why */ const a = 1; // note\n// line\nexport const up = a;')).toBe('const a = 1; export const up = a;');
  });
});
