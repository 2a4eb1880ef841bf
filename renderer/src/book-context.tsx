/** The open book, shared by every page. */
import { createContext, useContext } from 'react';
import type { BookInfo } from '../../shared/contract/book';

export interface BookState {
  book: BookInfo | null;
  setBook(b: BookInfo | null): void;
}

export const BookContext = createContext<BookState>({ book: null, setBook: () => {} });
export const useBook = () => useContext(BookContext);
