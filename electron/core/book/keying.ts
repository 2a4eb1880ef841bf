/**
 * A session's books and their audit keys (audit-key.ts). Before migrations run, the
 * connection gets the book's key, so whatever it writes is tagged. A book without a key id
 * is keyed at its first write in the app, once its chain verifies as it stands ("migrate keyed verification
 * in safely": an already broken chain is reported, never blessed). A store that already
 * holds a key for an unkeyed book means the key id was removed from it: left for
 * `book check` to report, never re-keyed.
 */
import type { Sqlite } from '../db/sqlite';
import { connectionKey, setConnectionKey } from './audit-head';
import { keyId, type AuditKeyStore } from './audit-key';
import { verifyAuditChain } from './audit';
import type { Book } from './book';

// Raw SQL on purpose: registerKey runs on the bare connection before migrations (no Book yet,
// and book_meta may not be there: a failed read is "no id").
const bookIdOf = (sqlite: Sqlite): string | null => {
  try {
    return (sqlite.prepare(`SELECT value FROM book_meta WHERE key = 'book_id'`).pluck().get() as string | undefined) ?? null;
  } catch {
    return null;
  }
};

/** openBook's `prepare`: the key (or its absence) for this connection, before anything is written. */
export function registerKey(sqlite: Sqlite, store: AuditKeyStore): void {
  const id = bookIdOf(sqlite);
  setConnectionKey(sqlite, { key: id ? store.get(id) : null, where: store.where });
}

/**
 * Keys an unkeyed book at its first write, inside that write's transaction: opening a book
 * never writes to it (a refused import must leave it byte-for-byte as it was).
 */
export function ensureKeyed(book: Book, store: AuditKeyStore): void {
  if (book.refusal) return;
  const bookId = bookIdOf(book.sqlite);
  if (!bookId) return;
  if (!connectionKey(book.sqlite)) registerKey(book.sqlite, store);
  if (book.meta('audit_key_id')) return;
  if (store.get(bookId)) return; // keyed before, its key id removed: book check says so
  book.beforeFirstWrite = () => keyBook(book, store, bookId);
}

/** Runs inside Book.tx. A chain already broken is left unkeyed for book check to report, never blessed. */
function keyBook(book: Book, store: AuditKeyStore, bookId: string): (() => void) | void {
  const chain = verifyAuditChain(book.sqlite);
  const head = book.db.first(book.q.selectFrom('audit_head').select(['last_id', 'hash', 'records']).where('k', '=', 1));
  if (!chain.ok || !head || head.last_id !== chain.lastId || head.hash !== chain.lastHash || head.records !== chain.records) return;
  const key = store.create(bookId);
  setConnectionKey(book.sqlite, { key, where: store.where });
  book.db.run(book.q.insertInto('book_meta').values({ key: 'audit_key_id', value: keyId(key) }));
  book.audit({ action: 'audit.keyed', entity: 'book', entityId: bookId, after: { keyId: keyId(key) } });
  // If the action rolls back, so does the keying: its key file goes too.
  return () => {
    store.discard(bookId);
    setConnectionKey(book.sqlite, { key: null, where: store.where });
  };
}
