/**
 * A report module: a name (CLI and channel id), titles in both languages, and a run
 * function that reads the book and returns sections. Domains define their reports next to
 * their code and list them in reports/index.ts.
 */
import type { Locale } from '../../../shared/messages/index';
import type { ReportFilters, ReportSection } from '../../../shared/report';
import type { Book } from '../book/book';

export interface ReportParams {
  from: string;
  to: string;
  filters: ReportFilters;
  locale: Locale;
}

export interface ReportModule {
  name: string;
  title: Record<Locale, string>;
  run(book: Book, params: ReportParams): ReportSection[];
}

export const defineReport = (m: ReportModule): ReportModule => m;

