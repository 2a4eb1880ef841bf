/**
 * An open book: one SQLite file (WAL, foreign keys on), its typed query helpers and the
 * one transaction helper every write goes through. No nested transactions: an action is
 * one transaction, whole or not at all.
 */
import { builder, Queries } from '../db/query';
import type { UserError } from '../../../shared/errors';
import type { Sqlite } from '../db/sqlite';
import type { Standard } from '../chart/default-chart';
import { roleAccount, type AccountRole } from '../chart/default-chart';
import { appendAudit, type AuditEntry } from './audit';
import { forgetUnsealed, sealRowLog, watchRowLog } from './row-log';

export interface BookInfo {
  path: string;
  company: string;
  standard: Standard;
  baseCurrency: string;
  firstPeriod: string;
  bookId: string;
}

export class Book {
  readonly q = builder;
  readonly db: Queries;
  /** Who acts: recorded on every audit record and voucher. */
  user = 'accountant';
  /** Set when the book was edited behind the app so that it must not be written (book/open-guard.ts): every write throws it. */
  refusal: UserError | null = null;
  /** Whether this book has the row log (row-log.ts); false only on a book not yet migrated. */
  private readonly rowLog: boolean;

  constructor(
    readonly sqlite: Sqlite,
    readonly path: string,
  ) {
    this.db = new Queries(sqlite);
    this.rowLog = watchRowLog(sqlite);
  }

  /**
   * Runs fn in one write transaction; refuses to nest (a nested call is a design error).
   * Before committing, seals the row-log entries the action's writes produced.
   */
  tx<T>(fn: () => T): T {
    if (this.refusal) throw this.refusal;
    if (this.sqlite.inTransaction) throw new Error('nested transaction');
    return this.sqlite
      .transaction(() => {
        // Only what this transaction writes is sealed: a change made on this connection outside any transaction is no app action.
        if (this.rowLog) forgetUnsealed(this.sqlite);
        const result = fn();
        if (this.rowLog) sealRowLog(this.sqlite);
        return result;
      })
      .immediate();
  }

  audit(entry: AuditEntry): void {
    if (this.refusal) throw this.refusal;
    // Writers that hold a raw transaction (the import) audit their work at its end: seal it with the record.
    if (this.rowLog && this.sqlite.inTransaction) sealRowLog(this.sqlite);
    appendAudit(this.sqlite, { ...entry, user: entry.user ?? this.user });
  }

  meta(key: string): string | undefined {
    return this.db.first(this.q.selectFrom('book_meta').select('value').where('key', '=', key))?.value;
  }

  info(): BookInfo {
    return {
      path: this.path,
      company: this.meta('company') ?? '',
      standard: (this.meta('standard') ?? 'small') as Standard,
      baseCurrency: this.meta('base_currency') ?? 'CNY',
      firstPeriod: this.meta('first_period') ?? '',
      bookId: this.meta('book_id') ?? '',
    };
  }

  get standard(): Standard {
    return (this.meta('standard') ?? 'small') as Standard;
  }

  /** The account code for a role in this book's standard (e.g. otherPayable -> 2241). */
  account(role: AccountRole): string {
    return roleAccount(this.standard, role);
  }

  close(): void {
    if (this.sqlite.open) this.sqlite.close();
  }
}
