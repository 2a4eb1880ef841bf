/**
 * One import = one batch = one transaction. The import works on its own connection to the
 * book file and holds one write transaction (BEGIN IMMEDIATE … COMMIT) while the file
 * streams in from a reader thread (read-in-thread.ts): rows are written in chunks as they
 * are read, on two cores, so a 200,000-row sheet never sits in memory, and the app's own
 * connection stays free for reading (a write from it waits, then gets the typed "busy"
 * message — it never lands inside the import).
 * Anything that fails before COMMIT rolls everything back: the book file is unchanged.
 * Duplicates are decided against the file itself and every earlier batch.
 */
import { basename } from 'node:path';
import type { Statement } from 'better-sqlite3';
import { sealRowLog } from '../book/row-log';
import { UserError } from '../../../shared/errors';
import { message, type Locale, type MessageCode } from '../../../shared/messages/index';
import type { ConfirmedMasters, ImportSummary, PolicyException, SheetSummary } from '../../../shared/contract/import';
import { Book } from '../book/book';
import { openSqlite } from '../db/sqlite';
import { connectionKey, setConnectionKey } from '../book/audit-head';
import { auditMasterBatch } from '../masters/audit';
import { MasterResolver } from '../masters/resolve';
import type { ImportKind, Mapping } from './columns';
import type { Candidate, CommitCtx, ImportOptions, Params } from './kind';
import { DETAILS_SHOWN, DuplicateOf } from './duplicate-of';
import { confirmedMap, masterGuard } from './new-masters';
import { kindHandler } from './kinds/index';
import { checkWorkbookFile } from './reader';
import { streamWorkbookInThread } from './read-in-thread';
import { scanWorkbook, type ScanReject } from './scan';
import { importInvoiceFile, invoiceFileType } from '../invoices/files';

/** Exceptions listed in a summary (a 200,000-row sheet can raise one per row; the total is always given). */

/** Rejected rows whose values the summary carries (a 200,000-row sheet of rejects stays small). */
const REJECT_VALUES_SHOWN = 1000;
const shownValues = (cells: string[]): string[] => cells.filter((v) => v.trim() !== '').slice(0, 12).map((v) => (v.length > 60 ? `${v.slice(0, 59)}…` : v));

export const POLICY_SHOWN = 500;
/**
 * Rows written per chunk while the file streams in from the reader thread: small enough that
 * the reader keeps reading while a chunk is written, and that a chunk's rows die young.
 */
const CHUNK = 2_000;
/** import_line rows per INSERT statement. */
const LINE_ROWS = 50;

export interface RunRequest {
  kind: ImportKind;
  path: string;
  sheet?: string | undefined;
  as?: 'claims' | 'vouchers' | undefined;
  mapping?: Mapping | undefined;
  fileName?: string | undefined;
  /** The new masters the user confirmed (absent: created as needed). */
  masters?: ConfirmedMasters | undefined;
}

export interface RunHooks {
  locale: Locale;
  onProgress?: (phase: 'read' | 'write', fraction: number, rows: number) => void;
}

export function rememberedMapping(book: Book, shape: string): Mapping | undefined {
  const row = book.db.first(book.q.selectFrom('import_mapping').select('mapping').where('shape', '=', shape));
  return row ? (JSON.parse(row.mapping) as Mapping) : undefined;
}

/** A second connection to the open book, configured as open.ts configures the first. */
function importConnection(book: Book): Book {
  const sqlite = openSqlite(book.path, { fileMustExist: true });
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('synchronous = NORMAL');
  sqlite.pragma('busy_timeout = 5000');
  // A big import updates indexes at many places (claim lines by customer, invoice numbers):
  // SQLite's default 2 MB page cache would spill them to disk over and over inside the
  // transaction. 16 MB holds them (measured: no faster at 32 or 128 MB, which only cost memory).
  sqlite.pragma('cache_size = -16384');
  // Its audit records keep the chain heads tagged with the book's key (book/audit-head.ts).
  const key = connectionKey(book.sqlite);
  if (key) setConnectionKey(sqlite, key);
  const conn = new Book(sqlite, book.path);
  conn.user = book.user;
  return conn;
}

export async function runImport(book: Book, req: RunRequest, hooks: RunHooks): Promise<ImportSummary> {
  // A single 数电票 XML or PDF file is one invoice of the ledger (invoices/files.ts).
  const single = req.kind === 'invoices' ? invoiceFileType(req.path) : null;
  // Files that are not workbooks are refused before anything is opened or begun.
  if (!single) checkWorkbookFile(req.path);
  book.assertWritable();
  const conn = importConnection(book);
  try {
    if (single) return await importInvoiceFile(conn, req.path, single, req.fileName);
    return await importOn(conn, req, hooks);
  } finally {
    // Raw SQL on purpose: transaction control, not a query (the import holds its own BEGIN IMMEDIATE, below).
    if (conn.sqlite.inTransaction) conn.sqlite.exec('ROLLBACK');
    conn.close();
  }
}

async function importOn(book: Book, req: RunRequest, hooks: RunHooks): Promise<ImportSummary> {
  const opts: ImportOptions = { kind: req.kind, as: req.as ?? 'claims' };
  const handler = kindHandler(book, opts);
  const s = book.sqlite;
  const now = new Date().toISOString();
  const fileName = req.fileName ?? basename(req.path);
  const counts = new Map<string, SheetSummary>();
  const count = (sheet: string) => counts.get(sheet) ?? counts.set(sheet, { name: sheet, headerRow: 0, rowsRead: 0, accepted: 0, rejected: 0, duplicates: 0, skipped: 0 }).get(sheet)!;
  const rejects: ScanReject[] = [];
  const duplicateRows: { sheet: string; row: number; of: string }[] = [];
  const dupOf = new DuplicateOf(book, hooks.locale, req.kind);
  const byCategory: Record<string, number> = {};
  const policy: PolicyException[] = [];
  let policyTotal = 0;
  let totalFen = 0;
  let written = 0;
  // The fingerprints and invoice numbers met in this file, with the row that had each first.
  const { fingerprints: fileFingerprints, invoices: fileInvoices } = dupOf;
  // eslint-disable-next-line no-restricted-syntax -- exceljs gives a date cell as UTC midnight of that date, so its UTC date is the cell's
  const cellsOf = (c: Candidate<unknown>) => (c.cells ?? []).slice(1).map((v) => (v === null ? '' : v instanceof Date ? v.toISOString().slice(0, 10) : String(v)));

  /** Begins the transaction and the batch at the first write: a file that never yields a row writes nothing. */
  let ctx: CommitCtx | null = null;
  let masters: MasterResolver | null = null;
  let guard: (c: Candidate<unknown>) => void = () => {};
  let flushLines = () => {};
  const begin = (): CommitCtx => {
    if (ctx) return ctx;
    // Raw SQL on purpose: transaction control, not a query (one write transaction for the whole file: module comment).
    s.exec('BEGIN IMMEDIATE');
    const batchId = book.db.run(
      book.q.insertInto('import_batch').values({ kind: req.kind, mode: req.kind === 'expenses' ? opts.as : '', file_name: fileName, file_hash: '', created_at: now, created_by: book.user }),
    ).lastInsertRowid;
    const confirmed = req.masters ? confirmedMap(req.kind, req.masters) : null;
    const m = (masters = new MasterResolver(book, { batchId, ...(confirmed ? { confirmed } : {}) }));
    if (confirmed) guard = masterGuard(req.kind, confirmed, m);
    // Duplicates within the file are found in memory; the book is asked only when it holds earlier lines.
    const earlierLines = book.db.first(book.q.selectFrom('import_line').select('id').limit(1)) !== undefined;
    const earlierInvoices = earlierLines || book.db.first(book.q.selectFrom('claim_line').select('id').where('invoice_no', 'is not', null).limit(1)) !== undefined;
    // Raw SQL on purpose: fp and inv run once per row (200,000 per big import) and lines once
    // per LINE_ROWS rows. Measured on a test book (process.cpuUsage, 200,000 calls): a prepared
    // lookup 0.25 µs, the same lookup through book.q + book.db 7.6 µs (compile 3.5 µs + cache):
    // 1.5 s per 200,000 rows for each of the two checks, against a bare read + inserts of
    // ~4.8 s (README benchmarks) and issue 19's budget of 1.25× that.
    const st = {
      fp: s.prepare('SELECT 1 FROM import_line WHERE fingerprint = ? LIMIT 1').pluck(),
      inv: s.prepare('SELECT 1 FROM import_line WHERE invoice_no = ? UNION ALL SELECT 1 FROM claim_line WHERE invoice_no = ? LIMIT 1').pluck(),
      lines: s.prepare(`INSERT INTO import_line (batch_id, fingerprint, invoice_no, sheet, row) VALUES ${Array.from({ length: LINE_ROWS }, () => '(?, ?, ?, ?, ?)').join(', ')}`),
    };
    // import_line rows go in LINE_ROWS at a time (one SQLite call each); the file's own
    // duplicates are found in memory, so rows not yet written are never looked up.
    let lineParams: unknown[] = [];
    // A short chunk is written whenever a duplicate is described (up to DETAILS_SHOWN times):
    // its statement is kept per length, not prepared again each time.
    const shortLines = new Map<number, Statement>();
    flushLines = () => {
      const n = lineParams.length / 5;
      if (n === LINE_ROWS) st.lines.run(lineParams);
      else if (n) {
        let short = shortLines.get(n);
        if (!short) shortLines.set(n, (short = s.prepare(`INSERT INTO import_line (batch_id, fingerprint, invoice_no, sheet, row) VALUES ${Array.from({ length: n }, () => '(?, ?, ?, ?, ?)').join(', ')}`)));
        short.run(lineParams);
      }
      lineParams = [];
    };
    const c: CommitCtx = {
      book,
      batchId,
      masters: m,
      locale: hooks.locale,
      addPolicy(ref, v) {
        policyTotal++;
        // Rendering a message per violation of a 200,000-row sheet would cost more than the listing is worth.
        if (policy.length < POLICY_SHOWN) policy.push({ sheet: ref.sheet, row: ref.row, rule: v.rule, action: v.action, message: message(hooks.locale, v.code, v.params) });
      },
      accept(cand, fen, category) {
        count(cand.sheet).accepted++;
        written++;
        if (fen !== undefined) totalFen += fen;
        if (category !== undefined && fen !== undefined) byCategory[category] = (byCategory[category] ?? 0) + fen;
      },
      duplicate(cand) {
        count(cand.sheet).duplicates++;
        // Only the first duplicates are told what they repeat: one lookup each (duplicate-of.ts).
        const of = duplicateRows.length < DETAILS_SHOWN ? (flushLines(), dupOf.describe(batchId)) : (dupOf.hit = null, '');
        duplicateRows.push({ sheet: cand.sheet, row: cand.row, of });
      },
      reject(cand, code, params = {}) {
        count(cand.sheet).rejected++;
        rejects.push({ sheet: cand.sheet, row: cand.row, code, params, cells: cellsOf(cand) });
      },
      seen: (fp) => (fileFingerprints.has(fp) ? dupOf.note('content', fp, true) : earlierLines && st.fp.get(fp) !== undefined && dupOf.note('content', fp, false)),
      invoiceSeen: (inv) => (fileInvoices.has(inv) ? dupOf.note('invoice', inv, true) : earlierInvoices && st.inv.get(inv, inv) !== undefined && dupOf.note('invoice', inv, false)),
      repeats: (earlier) => void (dupOf.hit = { by: 'content', key: '', inFile: false, where: earlier }),
      remember(cand, fp, inv, inLine = true) {
        const ref = dupOf.ref(cand.sheet, cand.row);
        fileFingerprints.add(fp, ref);
        if (inv) fileInvoices.add(inv, ref);
        if (!inLine) return;
        lineParams.push(batchId, fp, inv ?? null, cand.sheet, cand.row);
        if (lineParams.length === LINE_ROWS * 5) flushLines();
      },
      attempt(cand, fn) {
        const before = { customer: m.created.customer.length, employee: m.created.employee.length };
        try {
          // Inside the open transaction better-sqlite3 makes this a SAVEPOINT.
          s.transaction(fn)();
          return true;
        } catch (e) {
          // An unconfirmed master refuses the import, never just its row.
          if (!(e instanceof UserError) || e.code === 'import.masterNotConfirmed') throw e;
          for (const t of ['customer', 'employee'] as const) for (const id of m.created[t].slice(before[t])) m.forget(t, id);
          c.reject(cand, e.code, e.params as Params);
          return false;
        }
      },
    };
    return (ctx = c);
  };

  const pending: Candidate<unknown>[] = [];
  const flush = () => {
    if (!pending.length) return;
    const c = begin();
    for (const x of pending) guard(x);
    handler.commit(pending.splice(0), c);
  };
  const scan = await scanWorkbook(req.path, handler, {
    kind: req.kind,
    sheet: req.sheet,
    mapping: req.mapping,
    remembered: (shape) => rememberedMapping(book, shape),
    // exceljs parses in a reader thread while this one writes: the import runs on two cores.
    open: streamWorkbookInThread,
    onProgress: (f, rows) => hooks.onProgress?.('read', f, rows),
    onCandidate: (c) => {
      pending.push(c);
      if (!handler.whole && pending.length >= CHUNK) flush();
    },
  });
  hooks.onProgress?.('write', 0, written);
  flush();
  // Every import is recorded as a batch, even one that accepted nothing (a re-import).
  const c = begin();
  handler.finish?.(c);
  flushLines();
  for (const r of scan.rejects) count(r.sheet).rejected++;
  for (const r of scan.rejects) rejects.push(r);

  const sheetOrder = new Map(scan.sheets.map((x, i) => [x.name, i]));
  const sheets: SheetSummary[] = scan.sheets.map((x) => ({ ...count(x.name), headerRow: x.headerRow, rowsRead: x.rowsRead, skipped: x.skipped }));
  const order = (a: { sheet: string; row: number }, b: { sheet: string; row: number }) => sheetOrder.get(a.sheet)! - sheetOrder.get(b.sheet)! || a.row - b.row;
  rejects.sort(order);
  const duplicateOf = duplicateRows.sort(order).slice(0, DETAILS_SHOWN).map((d) => d.of);
  // Raw SQL on purpose: one insert per rejected row (a 200,000-row sheet can reject every row);
  // an insert through book.q + book.db measured 10–15 µs more per row than this prepared one.
  const insReject = s.prepare('INSERT INTO import_reject (batch_id, sheet, row, code, params, header, cells) VALUES (?, ?, ?, ?, ?, ?, ?)');
  const headers = new Map(scan.sheets.map((x) => [x.name, JSON.stringify(x.header)]));
  for (const r of rejects) insReject.run(c.batchId, r.sheet, r.row, r.code, JSON.stringify(r.params), headers.get(r.sheet) ?? '[]', JSON.stringify(r.cells));
  if (req.mapping) {
    for (const x of scan.sheets) {
      book.db.run(
        book.q
          .insertInto('import_mapping')
          .values({ shape: x.shape, kind: req.kind, mapping: JSON.stringify(req.mapping), updated_at: now })
          .onConflict((oc) => oc.column('shape').doUpdateSet((eb) => ({ mapping: eb.ref('excluded.mapping'), updated_at: eb.ref('excluded.updated_at') }))),
      );
    }
  }
  const fileHash = scan.fileHash();
  const sameFile = book.db.first(
    book.q
      .selectFrom('import_batch')
      .select('id')
      .where('file_hash', '=', fileHash)
      .where('kind', '=', req.kind)
      .where('undone_at', 'is', null)
      .where('id', '<>', c.batchId)
      .orderBy('id', 'desc')
      .limit(1),
  );

  const sum = (k: 'rowsRead' | 'accepted' | 'rejected' | 'duplicates' | 'skipped') => sheets.reduce((t, x) => t + x[k], 0);
  const summary: ImportSummary = {
    batchId: c.batchId,
    kind: req.kind,
    rowsRead: sum('rowsRead'),
    accepted: sum('accepted'),
    rejected: sum('rejected'),
    duplicates: sum('duplicates'),
    skipped: sum('skipped'),
    acceptedTotalFen: totalFen,
    byCategory: Object.fromEntries(Object.entries(byCategory).sort(([a], [b]) => a.localeCompare(b))),
    createdCustomers: masters!.created.customer.length,
    createdEmployees: masters!.created.employee.length,
    newMasters: { customers: createdList(masters!, 'customer'), employees: createdList(masters!, 'employee') },
    sheets,
    // The row's own values beside the reason, so a rejected row can be recognised on screen
    // (the first rows in full; the reject workbook holds every row's cells).
    rejects: rejects.map((r) => ({ sheet: r.sheet, row: r.row, reason: message(hooks.locale, r.code, r.params) })),
    rejectValues: rejects.slice(0, REJECT_VALUES_SHOWN).map((r) => shownValues(r.cells)),
    duplicateRows: duplicateRows.map((d) => ({ sheet: d.sheet, row: d.row })),
    duplicateOf,
    policy,
    policyTotal,
    sameFileBatchId: sameFile?.id ?? null,
    forms: scan.forms.map((f) => ({ sheet: f.sheet, formNo: f.formNo, employee: f.employee, lines: f.lines, totalFen: f.totalFen, ...(f.reason ? { reason: message(hooks.locale, f.reason.code, f.reason.params) } : {}) })),
  };
  // The invariant the whole feature stands on; a violation is a bug, never shipped silently.
  for (const x of sheets) {
    if (x.rowsRead !== x.accepted + x.rejected + x.duplicates + x.skipped) throw new Error(`row accounting broken on sheet ${x.name}`);
  }
  book.db.run(
    book.q
      .updateTable('import_batch')
      .set({
        file_hash: fileHash,
        sheets: JSON.stringify(sheets),
        rows_read: summary.rowsRead,
        accepted: summary.accepted,
        rejected: summary.rejected,
        duplicates: summary.duplicates,
        skipped: summary.skipped,
        total_fen: totalFen,
        summary: JSON.stringify({ byCategory: summary.byCategory, createdCustomers: summary.createdCustomers, createdEmployees: summary.createdEmployees, duplicateRows: summary.duplicateRows, duplicateOf, policy, policyTotal }),
      })
      .where('id', '=', c.batchId),
  );
  // Masters created on the way are audited as one batch record each (book check then guards them).
  auditMasterBatch(book, 'customer', masters!.created.customer, c.batchId);
  auditMasterBatch(book, 'employee', masters!.created.employee, c.batchId);
  book.audit({
    action: 'import.run',
    entity: 'import_batch',
    entityId: c.batchId,
    after: { kind: req.kind, mode: opts.as, file: fileName, hash: fileHash, rowsRead: summary.rowsRead, accepted: summary.accepted, rejected: summary.rejected, duplicates: summary.duplicates, skipped: summary.skipped, totalFen },
  });
  // Seal every row-log entry this import wrote, whatever wrote last (book.audit seals too).
  sealRowLog(s);
  // Raw SQL on purpose: transaction control (the BEGIN IMMEDIATE above).
  s.exec('COMMIT');
  hooks.onProgress?.('write', 1, written);
  return summary;
}

const createdList = (m: MasterResolver, table: 'customer' | 'employee') => m.newMasters(table).map((x) => ({ code: x.code, name: x.name, rows: x.uses }));

export const rejectMessage = (locale: Locale, code: string, params: Params): string => message(locale, code as MessageCode, params);
