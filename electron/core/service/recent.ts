/** The recent-books list: a small JSON file in the settings folder, newest first. */
import { mkdirSync, readFileSync, writeFileSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import type { RecentBook } from '../../../shared/contract/book';

const MAX = 10;

export class RecentBooks {
  private readonly file: string;

  constructor(dir: string) {
    this.file = join(dir, 'recent-books.json');
  }

  list(): RecentBook[] {
    try {
      const parsed = JSON.parse(readFileSync(this.file, 'utf8')) as unknown;
      return Array.isArray(parsed) ? (parsed as RecentBook[]) : [];
    } catch {
      return [];
    }
  }

  touch(entry: Omit<RecentBook, 'openedAt'>): void {
    const list = [{ ...entry, openedAt: new Date().toISOString() }, ...this.list().filter((r) => r.path !== entry.path)];
    mkdirSync(join(this.file, '..'), { recursive: true });
    // Write then rename: a crash never leaves a half-written list.
    writeFileSync(this.file + '.tmp', JSON.stringify(list.slice(0, MAX), null, 2));
    renameSync(this.file + '.tmp', this.file);
  }
}
