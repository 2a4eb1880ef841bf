/**
 * One import = one batch = one transaction. The file is read first (scan.ts, no writes);
 * then, in one transaction, the kind writes the accepted rows, duplicates are decided
 * against the file itself and every earlier batch, and the batch records what became of
 * every row. Any error before the commit leaves the book byte-for-byte unchanged.
 */
import { basename } from 'node:path';
import { UserError } from '../../../shared/errors';
import { message, type Locale, type MessageCode } from '../../../shared/messages/index';
import type { ImportSummary, PolicyException, SheetSummary } from '../../../shared/contract/import';
import type { Book } from '../book/book';
import { MasterResolver } from '../masters/resolve';
import type { ImportKind, Mapping } from './columns';
import type { Candidate, CommitCtx, ImportOptions, Params } from './kind';
import { kindHandler } from './kinds/index';
import { scanWorkbook, type ScanReject } from './scan';

/** Exceptions listed in a summary (a 200,000-row sheet can raise one per row; the total is always given). */
export const POLICY_SHOWN = 500;

export interface RunRequest {
  kind: ImportKind;
  path: string;
  sheet?: string | undefined;
  as?: 'claims' | 'vouchers' | undefined;
  mapping?: Mapping | undefined;
  fileName?: string | undefined;
}

export interface RunHooks {
  locale: Locale;
  onProgress?: (phase: 'read' | 'write', fraction: number, rows: number) => void;
}

export function rememberedMapping(book: Book, shape: string): Mapping | undefined {
  const row = book.sqlite.prepare('SELECT mapping FROM import_mapping WHERE shape = ?').get(shape) as { mapping: string } | undefined;
  return row ? (JSON.parse(row.mapping) as Mapping) : undefined;
}

export async function runImport(book: Book, req: RunRequest, hooks: RunHooks): Promise<ImportSummary> {
  const opts: ImportOptions = { kind: req.kind, as: req.as ?? 'claims' };
  const handler = kindHandler(book, opts);
  const scan = await scanWorkbook(req.path, handler, {
    kind: req.kind,
    sheet: req.sheet,
    mapping: req.mapping,
    remembered: (shape) => rememberedMapping(book, shape),
    onProgress: (f, rows) => hooks.onProgress?.('read', f, rows),
  });
  hooks.onProgress?.('write', 0, scan.candidates.length);
  const sheetOrder = new Map(scan.sheets.map((s, i) => [s.name, i]));
  const counts = new Map<string, SheetSummary>(
    scan.sheets.map((s) => [s.name, { name: s.name, headerRow: s.headerRow, rowsRead: s.rowsRead, accepted: 0, rejected: 0, duplicates: 0, skipped: s.skipped }]),
  );
  const rejects: ScanReject[] = [...scan.rejects];
  for (const r of scan.rejects) counts.get(r.sheet)!.rejected++;
  const duplicateRows: { sheet: string; row: number }[] = [];
  const byCategory: Record<string, number> = {};
  let totalFen = 0;
  const policy: PolicyException[] = [];
  const now = new Date().toISOString();
  const fileName = req.fileName ?? basename(req.path);

  return book.tx(() => {
    const sameFile = book.sqlite
      .prepare(`SELECT id FROM import_batch WHERE file_hash = ? AND kind = ? AND undone_at IS NULL ORDER BY id DESC LIMIT 1`)
      .get(scan.fileHash, req.kind) as { id: number } | undefined;
    const batchId = Number(
      book.sqlite
        .prepare(`INSERT INTO import_batch (kind, mode, file_name, file_hash, created_at, created_by) VALUES (?, ?, ?, ?, ?, ?)`)
        .run(req.kind, req.kind === 'expenses' ? opts.as : '', fileName, scan.fileHash, now, book.user).lastInsertRowid,
    );
    const masters = new MasterResolver(book, batchId);
    const st = {
      fp: book.sqlite.prepare('SELECT 1 FROM import_line WHERE fingerprint = ? LIMIT 1').pluck(),
      inv: book.sqlite.prepare('SELECT 1 FROM import_line WHERE invoice_no = ? UNION ALL SELECT 1 FROM claim_line WHERE invoice_no = ? LIMIT 1').pluck(),
      line: book.sqlite.prepare('INSERT INTO import_line (batch_id, fingerprint, invoice_no, sheet, row) VALUES (?, ?, ?, ?, ?)'),
    };
    const cellsOf = (c: Candidate<unknown>) => (c.cells ?? []).slice(1).map((v) => (v === null ? '' : v instanceof Date ? v.toISOString().slice(0, 10) : String(v)));
    let written = 0;
    const ctx: CommitCtx = {
      book,
      batchId,
      masters,
      locale: hooks.locale,
      addPolicy: (list) => policy.push(...list),
      accept(c, fen, category) {
        counts.get(c.sheet)!.accepted++;
        if (fen !== undefined) totalFen += fen;
        if (category !== undefined && fen !== undefined) byCategory[category] = (byCategory[category] ?? 0) + fen;
        if (++written % 5000 === 0) hooks.onProgress?.('write', written / Math.max(1, scan.candidates.length), written);
      },
      duplicate(c) {
        counts.get(c.sheet)!.duplicates++;
        duplicateRows.push({ sheet: c.sheet, row: c.row });
      },
      reject(c, code, params = {}) {
        counts.get(c.sheet)!.rejected++;
        rejects.push({ sheet: c.sheet, row: c.row, code, params, cells: cellsOf(c) });
      },
      seen: (fp) => st.fp.get(fp) !== undefined,
      invoiceSeen: (inv) => st.inv.get(inv, inv) !== undefined,
      remember(c, fp, inv) {
        st.line.run(batchId, fp, inv ?? null, c.sheet, c.row);
      },
      attempt(c, fn) {
        const before = { customer: masters.created.customer.length, employee: masters.created.employee.length };
        try {
          book.sqlite.transaction(fn)();
          return true;
        } catch (e) {
          if (!(e instanceof UserError)) throw e;
          for (const t of ['customer', 'employee'] as const) for (const id of masters.created[t].slice(before[t])) masters.forget(t, id);
          ctx.reject(c, e.code, e.params as Params);
          return false;
        }
      },
    };
    handler.commit(scan.candidates, ctx);

    const order = (a: { sheet: string; row: number }, b: { sheet: string; row: number }) => sheetOrder.get(a.sheet)! - sheetOrder.get(b.sheet)! || a.row - b.row;
    rejects.sort(order);
    duplicateRows.sort(order);
    const insReject = book.sqlite.prepare('INSERT INTO import_reject (batch_id, sheet, row, code, params, header, cells) VALUES (?, ?, ?, ?, ?, ?, ?)');
    const headers = new Map(scan.sheets.map((s) => [s.name, JSON.stringify(s.header)]));
    for (const r of rejects) insReject.run(batchId, r.sheet, r.row, r.code, JSON.stringify(r.params), headers.get(r.sheet) ?? '[]', JSON.stringify(r.cells));
    if (req.mapping) {
      const upsert = book.sqlite.prepare('INSERT INTO import_mapping (shape, kind, mapping, updated_at) VALUES (?, ?, ?, ?) ON CONFLICT(shape) DO UPDATE SET mapping = excluded.mapping, updated_at = excluded.updated_at');
      for (const s of scan.sheets) upsert.run(s.shape, req.kind, JSON.stringify(req.mapping), now);
    }

    const sheets = [...counts.values()];
    const sum = (k: keyof Omit<SheetSummary, 'name' | 'headerRow'>) => sheets.reduce((s, x) => s + x[k], 0);
    const summary: ImportSummary = {
      batchId,
      kind: req.kind,
      rowsRead: sum('rowsRead'),
      accepted: sum('accepted'),
      rejected: sum('rejected'),
      duplicates: sum('duplicates'),
      skipped: sum('skipped'),
      acceptedTotalFen: totalFen,
      byCategory: Object.fromEntries(Object.entries(byCategory).sort(([a], [b]) => a.localeCompare(b))),
      createdCustomers: masters.created.customer.length,
      createdEmployees: masters.created.employee.length,
      sheets,
      rejects: rejects.map((r) => ({ sheet: r.sheet, row: r.row, reason: message(hooks.locale, r.code, r.params) })),
      duplicateRows,
      policy: policy.slice(0, POLICY_SHOWN),
      policyTotal: policy.length,
      sameFileBatchId: sameFile?.id ?? null,
    };
    // The invariant the whole feature stands on; a violation is a bug, never shipped silently.
    for (const s of sheets) {
      if (s.rowsRead !== s.accepted + s.rejected + s.duplicates + s.skipped) throw new Error(`row accounting broken on sheet ${s.name}`);
    }
    book.sqlite
      .prepare(
        `UPDATE import_batch SET sheets = ?, rows_read = ?, accepted = ?, rejected = ?, duplicates = ?, skipped = ?, total_fen = ?, summary = ? WHERE id = ?`,
      )
      .run(
        JSON.stringify(sheets),
        summary.rowsRead,
        summary.accepted,
        summary.rejected,
        summary.duplicates,
        summary.skipped,
        totalFen,
        JSON.stringify({ byCategory: summary.byCategory, createdCustomers: summary.createdCustomers, createdEmployees: summary.createdEmployees, duplicateRows, policy: summary.policy, policyTotal: policy.length }),
        batchId,
      );
    book.audit({
      action: 'import.run',
      entity: 'import_batch',
      entityId: batchId,
      after: { kind: req.kind, mode: opts.as, file: fileName, hash: scan.fileHash, rowsRead: summary.rowsRead, accepted: summary.accepted, rejected: summary.rejected, duplicates: summary.duplicates, skipped: summary.skipped, totalFen },
    });
    hooks.onProgress?.('write', 1, written);
    return summary;
  });
}

export const rejectMessage = (locale: Locale, code: string, params: Params): string => message(locale, code as MessageCode, params);
