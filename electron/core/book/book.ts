/**
 * An open book: one SQLite file (WAL, foreign keys on), its typed query helpers and the
 * one transaction helper every write goes through. No nested transactions: an action is
 * one transaction, whole or not at all.
 */
import { builder, Queries } from '../db/query';
import { precompiled } from '../db/precompiled';
import type { UserError } from '../../../shared/errors';
import type { Sqlite } from '../db/sqlite';
import type { Standard } from '../accounts/default-chart';
import { roleAccount, type AccountRole } from '../accounts/default-chart';
import { appendAudit, type AuditEntry } from './audit';
import { forgetUnsealed, sealRowLog, watchRowLog } from './row-log';
import { assertBookFiles, checkpointFull, checkpointPassive, fileIdentity, syncedFolder, type FileIdentity } from './wal-guard';

/**
 * book_meta by key, compiled once (db/precompiled.ts): meta is read per voucher and per
 * claim (the voucher settings, the first period, the standard behind every book.account),
 * and building this select through Kysely each time was 7.7 % of the demo's CPU.
 * Read, not cached: another connection (a job worker) may write book_meta.
 */
const metaQuery = precompiled((key: string) => builder.selectFrom('book_meta').select('value').where('key', '=', key), 1);

/** At most this often a PASSIVE checkpoint after an action (wal-guard.ts). */
const CHECKPOINT_EVERY_MS = 250;

export interface BookInfo {
  path: string;
  company: string;
  standard: Standard;
  baseCurrency: string;
  firstPeriod: string;
  bookId: string;
  /** The sync client's folder the book lives in (OneDrive, 坚果云, …): worth a warning. */
  syncedFolder: string | null;
}

export class Book {
  readonly q = builder;
  readonly db: Queries;
  /** Who acts: recorded on every audit record and voucher. */
  user = 'accountant';
  /** Work the next transaction does first (keying the audit chain, book/keying.ts); returns its undo for a rollback. */
  beforeFirstWrite: (() => (() => void) | void) | null = null;
  /** Set when the book was edited behind the app so that it must not be written (book/open-guard.ts): every write throws it. */
  refusal: UserError | null = null;
  /** Whether this book has the row log (row-log.ts); false only on a book not yet migrated. */
  private readonly rowLog: boolean;

  private lastCheckpoint = 0;
  /** The book file as opened: a replaced file is noticed before the next write (wal-guard.ts). */
  private readonly identity: FileIdentity | null;

  constructor(
    readonly sqlite: Sqlite,
    readonly path: string,
  ) {
    this.db = new Queries(sqlite);
    this.rowLog = watchRowLog(sqlite);
    this.identity = fileIdentity(path);
  }

  /** Throws the typed error if this book must not be written now (held, file replaced, -wal deleted). */
  assertWritable(): void {
    if (this.refusal) throw this.refusal;
    assertBookFiles(this.sqlite, this.path, this.identity);
  }

  /**
   * Runs fn in one write transaction; refuses to nest (a nested call is a design error).
   * Before committing, seals the row-log entries the action's writes produced.
   */
  tx<T>(fn: () => T): T {
    if (this.sqlite.inTransaction) throw new Error('nested transaction');
    this.assertWritable();
    const first = this.beforeFirstWrite;
    let undo: (() => void) | void = undefined;
    let out: T;
    try {
      out = this.sqlite
        .transaction(() => {
          // Only what this transaction writes is sealed: a change made on this connection outside any transaction is no app action.
          if (this.rowLog) forgetUnsealed(this.sqlite);
          if (first) undo = first();
          const result = fn();
          if (this.rowLog) sealRowLog(this.sqlite);
          return result;
        })
        .immediate();
    } catch (e) {
      (undo as (() => void) | undefined)?.();
      throw e;
    }
    if (first) this.beforeFirstWrite = null;
    // A person's actions are further apart than this, so each gets its checkpoint; a loop of
    // actions (the demo, a script) pays the checkpoint's fsync at most four times a second.
    const now = Date.now();
    if (now - this.lastCheckpoint >= CHECKPOINT_EVERY_MS) {
      checkpointPassive(this.sqlite);
      this.lastCheckpoint = now;
    }
    return out;
  }

  audit(entry: AuditEntry): void {
    if (this.refusal) throw this.refusal;
    // Writers that hold a raw transaction (the import) audit their work at its end: seal it with the record.
    if (this.rowLog && this.sqlite.inTransaction) sealRowLog(this.sqlite);
    appendAudit(this.sqlite, { ...entry, user: entry.user ?? this.user });
  }

  meta(key: string): string | undefined {
    return this.db.first(metaQuery(key))?.value;
  }

  info(): BookInfo {
    return {
      path: this.path,
      company: this.meta('company') ?? '',
      standard: (this.meta('standard') ?? 'small') as Standard,
      baseCurrency: this.meta('base_currency') ?? 'CNY',
      firstPeriod: this.meta('first_period') ?? '',
      bookId: this.meta('book_id') ?? '',
      syncedFolder: syncedFolder(this.path),
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
    if (!this.sqlite.open) return;
    checkpointFull(this.sqlite);
    this.sqlite.close();
  }
}
