/**
 * What the core knows about the person at the keyboard: the open book, the UI language,
 * the acting user, the recent-books list. One per window (Electron) or per server (web).
 */
import { UserError } from '../../../shared/errors';
import type { Locale } from '../../../shared/messages/index';
import type { Book } from '../book/book';
import { RecentBooks } from './recent';

export interface SessionOptions {
  /** Folder for app settings (recent books); the user's app-data folder in Electron. */
  settingsDir: string;
  /** Where a book named without a folder is created. */
  booksDir: string;
  locale?: Locale;
  user?: string;
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

  setBook(book: Book | null): void {
    if (this.book && this.book !== book) this.book.close();
    this.book = book;
    if (book) book.user = this.user;
  }
}
