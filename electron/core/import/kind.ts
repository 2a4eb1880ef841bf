/**
 * What every import kind provides: how to read one row (pure, no writes) and how to write
 * the accepted rows (inside the import's one transaction). The engine does the rest:
 * streaming, header detection, skipping, counting and the batch record.
 */
import type { Book } from '../book/book';
import type { Locale, MessageCode } from '../../../shared/messages/index';
import type { PolicyException } from '../../../shared/contract/import';
import type { MasterResolver } from '../masters/resolve';
import type { ImportKind } from './columns';
import type { Plain } from './values';
import type { FormRef } from './form-scan';

export type Params = Record<string, string | number>;

export interface RowView {
  /** The cell of a mapped field (null when the column is absent or blank). */
  get(field: string): Plain;
  has(field: string): boolean;
}

export type RowParse<T> = { ok: true; value: T } | { ok: false; code: MessageCode; params?: Params };

export interface Candidate<T> {
  sheet: string;
  row: number;
  value: T;
  /** Original cells, kept only by kinds that can still reject a row while writing. */
  cells?: Plain[];
  /** The 费用报销单 form the row is a line of (expenses; form-scan.ts). */
  form?: FormRef;
}

export interface ImportOptions {
  kind: ImportKind;
  /** expenses: claims (default) or posted vouchers. */
  as: 'claims' | 'vouchers';
}

export interface CommitCtx {
  book: Book;
  batchId: number;
  masters: MasterResolver;
  locale: Locale;
  /** One policy violation of the row at `ref` (counted always, listed while the list is short). */
  addPolicy(ref: { sheet: string; row: number }, v: { rule: PolicyException['rule']; action: PolicyException['action']; code: MessageCode; params: Params }): void;
  accept(c: Candidate<unknown>, fen?: number, categoryCode?: string): void;
  duplicate(c: Candidate<unknown>): void;
  reject(c: Candidate<unknown>, code: MessageCode, params?: Params): void;
  /** Fingerprint bookkeeping shared by the kinds (import_line). */
  seen(fingerprint: string, invoiceNo?: string | null): boolean;
  invoiceSeen(invoiceNo: string): boolean;
  /** The row about to be reported duplicate repeats this earlier imported claim line (same content). */
  repeats(earlier: { claim: number; line: number; batch: number }): void;
  /**
   * The row's fingerprint and `invoiceNo` count as seen from now on, and are stored in
   * import_line for later imports, unless the kind's own rows answer for them (claim lines:
   * `inLine` false); then nothing more is written for the row.
   */
  remember(c: Candidate<unknown>, fingerprint: string, invoiceNo?: string | null, inLine?: boolean): void;
  /** Row-level savepoint: a row whose writes fail leaves nothing behind (not even a new customer). */
  attempt(c: Candidate<unknown>, fn: () => void): boolean;
}

export interface KindHandler<T> {
  /** Keep original cells of candidates (kinds whose writes can still refuse a row). */
  keepCells: boolean;
  /** Needs every row at once (grouping, linking, one voucher); otherwise rows come in chunks as they are read. */
  whole?: boolean;
  parse(row: RowView): RowParse<T>;
  /** Writes a chunk of parsed rows in file order (all of them when `whole`). */
  commit(items: Candidate<T>[], ctx: CommitCtx): void;
  /** After the last chunk, still inside the transaction. */
  finish?(ctx: CommitCtx): void;
}
