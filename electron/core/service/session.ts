/**
 * What the core knows about the person at the keyboard: the open book, the UI language,
 * the acting user, the recent-books list. One per window (Electron) or per server (web).
 */
import { UserError } from '../../../shared/errors';
import type { Locale } from '../../../shared/messages/index';
import type { Book } from '../book/book';
import { RecentBooks } from './recent';
import { autoBackup } from '../book/backups';
import type { AuditKeyStore, KeyProtection } from '../book/audit-key';
import type { EngineEvent } from '../../../shared/contract/events';

export interface SessionOptions {
  /** Folder for app settings (recent books); the user's app-data folder in Electron. */
  settingsDir: string;
  /** Where a book named without a folder is created. */
  booksDir: string;
  locale?: Locale;
  user?: string;
  /** Back the book up when it is closed (the app does; the CLI and tests do not). */
  autoBackup?: boolean;
  /** Folders and files no user path may write into or read from (default: settingsDir's keys and recent list). */
  internalDirs?: string[];
  /** Where the books' audit keys live (default: keyProtection's store in settingsDir/keys). */
  keys?: AuditKeyStore;
  /** The Electron app's protection of the key files: a safeStorage-kept wrapping key, or why it fell back to plain files. */
  keyProtection?: KeyProtection;
  /** Every user path must lie under this folder (the web harness's work folder). */
  confineTo?: string;
}

export class Session {
  book: Book | null = null;
  locale: Locale;
  user: string;
  readonly recent: RecentBooks;

  constructor(readonly options: SessionOptions) {
    this.locale = options.locale ?? 'zh-CN';
    this.user = options.user ?? 'accountant';
    this.recent = new RecentBooks(options.settingsDir);
  }

  /** The open book, or the typed "no book open" error. */
  requireBook(): Book {
    if (!this.book) throw new UserError('book.none');
    return this.book;
  }

  private release: (() => void) | null = null;

  /** Where the session's push events go (the engine sets it to its host's port; tests read it). */
  emit: (event: EngineEvent) => void = () => {};

  /** Makes `book` the open book; `release` drops its instance lock when it is closed. */
  setBook(book: Book | null, release?: () => void): void {
    const old = this.book;
    if (old && old !== book) {
      try {
        if (this.options.autoBackup && old.sqlite.open) autoBackup(old.sqlite, old.path, 'close');
      } finally {
        old.close();
        this.release?.();
        this.release = null;
      }
    }
    const changed = old !== book;
    this.book = book;
    if (release) this.release = release;
    if (book) book.user = this.user;
    if (changed) this.emit({ type: 'book.opened', path: book?.path ?? null });
  }
}
