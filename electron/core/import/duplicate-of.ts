/**
 * What a duplicate row repeats, for the import summary: the row of this file or of an earlier
 * batch (import_line), or the claim line, that had the same invoice number or the same
 * content first. The duplicate check (CommitCtx.seen / invoiceSeen) stays a yes/no on the
 * hot path and only notes which key matched; the earlier record is looked up here, for rows
 * that are duplicates and only for the first DETAILS_SHOWN of them (like rejectValues).
 */
import type { Book } from '../book/book';
import { message, type Locale } from '../../../shared/messages/index';
import { KeySet } from './key-set';
import type { Params } from './kind';

export const DETAILS_SHOWN = 1000;
/** A file reference packs the sheet's index and the row: Excel rows stop at 2^20. */
const ROW_SPAN = 2 ** 20;
const MAX_SHEETS = 2 ** 12;

export interface Hit {
  by: 'invoice' | 'content';
  key: string;
  /** Found among this file's earlier rows (else in the book). */
  inFile: boolean;
  /** Already known (a kind's own probe found the claim line). */
  where?: Params;
}

export class DuplicateOf {
  hit: Hit | null = null;
  /** This file's keys, each with the ref() of the row that had it first. */
  readonly fingerprints = new KeySet();
  readonly invoices = new KeySet();
  private sheets: string[] = [];
  private sheetIndex = new Map<string, number>();

  constructor(
    private readonly book: Book,
    private readonly locale: Locale,
    private readonly kind: string,
  ) {}

  /** Notes the key a duplicate check matched (called only on a match: true, the check's answer). */
  note(by: Hit['by'], key: string, inFile: boolean): true {
    this.hit = { by, key, inFile };
    return true;
  }

  /** The KeySet reference of a row of this file (0: none, past MAX_SHEETS sheets). */
  ref(sheet: string, row: number): number {
    let i = this.sheetIndex.get(sheet);
    if (i === undefined) {
      i = this.sheets.length;
      if (i + 1 >= MAX_SHEETS || row >= ROW_SPAN) return 0;
      this.sheets.push(sheet);
      this.sheetIndex.set(sheet, i);
    }
    return (i + 1) * ROW_SPAN + row;
  }

  /** The message naming what the last hit repeats, or '' when it cannot be told. */
  describe(batchId: number): string {
    const h = this.hit;
    this.hit = null;
    if (!h) return '';
    const p: Params = { by: h.by, kind: this.kind, invoice: h.by === 'invoice' ? h.key : '' };
    const where = h.where ?? (h.inFile ? this.inFile((h.by === 'invoice' ? this.invoices : this.fingerprints).ref(h.key) ?? 0) : this.inBook(h, batchId));
    return where ? message(this.locale, 'import.dup.of', { ...p, ...where }) : '';
  }

  private inFile(ref: number): Params | null {
    const sheet = this.sheets[Math.floor(ref / ROW_SPAN) - 1];
    return sheet === undefined ? null : { sheet, row: ref % ROW_SPAN };
  }

  /** Through Kysely: at most DETAILS_SHOWN lookups an import (book.db keeps each statement prepared). */
  private inBook(h: Hit, batchId: number): Params | null {
    const { book } = this;
    const line = book.db.first(
      book.q
        .selectFrom('import_line')
        .select(['batch_id as batch', 'sheet', 'row'])
        .where(h.by === 'invoice' ? 'invoice_no' : 'fingerprint', '=', h.key)
        .orderBy('id')
        .limit(1),
    );
    if (line) return line.batch === batchId ? { sheet: line.sheet, row: line.row } : line;
    if (h.by !== 'invoice') return null;
    const claim = book.db.first(
      book.q
        .selectFrom('claim_line as l')
        .innerJoin('claim as c', 'c.id', 'l.claim_id')
        .select(['c.id as claim', 'l.line_no as line', 'c.batch_id as batch'])
        .where('l.invoice_no', '=', h.key)
        .orderBy('l.id')
        .limit(1),
    );
    return claim ? { claim: claim.claim, line: claim.line, batch: claim.batch ?? 0 } : null;
  }
}
