/**
 * Reading phase of an import: stream each sheet, find its header in the first 20 rows,
 * skip titles, blank rows and everything from a footer (合计/小计/总计/Total) down, and
 * parse each data row with the kind's parser. No writes: a file that breaks halfway
 * leaves the book untouched. Every row below the header is accounted for.
 */
import { UserError } from '../../../shared/errors';
import type { MessageCode } from '../../../shared/messages/index';
import { headerShape, headerTexts, isFooter, isHeader, mapHeader, missingFields, type ImportKind, type Mapping } from './columns';
import type { Candidate, KindHandler, Params, RowView } from './kind';
import { LIMITS } from './limits';
import { streamWorkbook, type SheetRow, type WorkbookStream } from './reader';
import { cellText, isBlank, type Plain } from './values';

export const HEADER_SEARCH_ROWS = 20;

export interface ScanReject {
  sheet: string;
  row: number;
  code: MessageCode;
  params: Params;
  cells: string[];
}

export interface ScannedSheet {
  name: string;
  headerRow: number;
  header: string[];
  shape: string;
  mapping: Mapping;
  remembered: boolean;
  rowsRead: number;
  skipped: number;
  /** First rows for a preview, when asked for. */
  preview: { row: number; cells: string[]; status: 'ok' | 'rejected' | 'skipped'; code?: MessageCode; params?: Params }[];
}

export interface ScanResult {
  sheets: ScannedSheet[];
  candidates: Candidate<unknown>[];
  rejects: ScanReject[];
  /** The file's sha256, worked out when asked (an import records it; a preview never needs it). */
  fileHash(): string;
}

export interface ScanOptions {
  kind: ImportKind;
  sheet?: string | undefined;
  /** Explicit mapping (the wizard's edits) — wins over detection for every sheet. */
  mapping?: Mapping | undefined;
  /** A remembered mapping by header shape. */
  remembered?: (shape: string) => Mapping | undefined;
  previewRows?: number;
  onProgress?: (fraction: number, rows: number) => void;
  /** Takes each parsed row as it is read (then the result holds no candidates). */
  onCandidate?: (c: Candidate<unknown>) => void;
  /** How the file is streamed: in this thread (default) or in a reader thread (read-in-thread.ts). */
  open?: (path: string, onBytes: (read: number, total: number) => void) => WorkbookStream;
}

/** One view per sheet, pointed at each row in turn (a 200,000-row sheet allocates no view per row). */
class SheetRowView implements RowView {
  cells: Plain[] = [];
  constructor(private readonly mapping: Mapping) {}
  get(f: string): Plain {
    const col = this.mapping[f];
    return col === undefined ? null : (this.cells[col] ?? null);
  }
  has(f: string): boolean {
    return this.mapping[f] !== undefined;
  }
}

const texts = (cells: Plain[]) => cells.slice(1).map(cellText);
const tooLong = (v: Plain) => typeof v === 'string' && v.length > LIMITS.cellChars;
/** A reject keeps the row's cells for the reject report: an over-long one is cut to Excel's limit. */
const shown = (cells: Plain[]) => texts(cells).map((t) => (t.length > LIMITS.cellChars ? t.slice(0, LIMITS.cellChars) : t));

export async function scanWorkbook(path: string, handler: KindHandler<unknown>, opts: ScanOptions): Promise<ScanResult> {
  let fraction = 0;
  let rows = 0;
  const wb = (opts.open ?? streamWorkbook)(path, (read, total) => {
    fraction = read / total;
  });
  const result: ScanResult = { sheets: [], candidates: [], rejects: [], fileHash: wb.hash };
  let sawSheet = false;
  let sawRows = false;
  for await (const ws of wb.sheets) {
    sawSheet = true;
    if (opts.sheet !== undefined && ws.name !== opts.sheet) continue;
    const limit = opts.previewRows;
    let sheet: ScannedSheet | null = null;
    let view: SheetRowView | null = null;
    let prev = 0;
    let footer = false;
    for await (const r of ws.rows as AsyncIterable<SheetRow>) {
      sawRows = sawRows || r.cells.some((c) => !isBlank(c));
      if (++rows % 2000 === 0) opts.onProgress?.(ws.fraction() ?? fraction, rows);
      if (!sheet) {
        if (r.number > HEADER_SEARCH_ROWS) break;
        const detected = mapHeader(opts.kind, r.cells);
        if (!isHeader(opts.kind, detected)) continue;
        const shape = headerShape(opts.kind, r.cells);
        const remembered = opts.mapping ? undefined : opts.remembered?.(shape);
        const mapping = opts.mapping ?? remembered ?? detected;
        const missing = missingFields(opts.kind, mapping);
        if (missing.length && limit === undefined) throw new UserError('import.missingColumns', { sheet: ws.name, columns: missing.join(', ') });
        sheet = { name: ws.name, headerRow: r.number, header: headerTexts(r.cells).slice(1), shape, mapping, remembered: remembered !== undefined, rowsRead: 0, skipped: 0, preview: [] };
        view = new SheetRowView(mapping);
        prev = r.number;
        continue;
      }
      // Rows the file does not store at all are blank rows between data rows.
      const gap = r.number - prev - 1;
      sheet.rowsRead += gap + 1;
      sheet.skipped += gap;
      prev = r.number;
      const show = limit !== undefined && sheet.preview.length < limit;
      if (footer || r.cells.every(isBlank) || (footer = isFooter(r.cells))) {
        sheet.skipped++;
        if (show) sheet.preview.push({ row: r.number, cells: texts(r.cells), status: 'skipped' });
        continue;
      }
      view!.cells = r.cells;
      // Excel itself holds at most 32,767 characters in a cell: a longer one is a damaged or hostile file, never data.
      const parsed = r.cells.some(tooLong) ? { ok: false as const, code: 'limits.cellTooLong' as const, params: { max: LIMITS.cellChars } } : handler.parse(view!);
      if (!parsed.ok) {
        const rej = { sheet: ws.name, row: r.number, code: parsed.code, params: parsed.params ?? {}, cells: shown(r.cells) };
        result.rejects.push(rej);
        if (show) sheet.preview.push({ row: r.number, cells: rej.cells, status: 'rejected', code: rej.code, params: rej.params });
      } else {
        const cand = { sheet: ws.name, row: r.number, value: parsed.value, ...(handler.keepCells ? { cells: r.cells } : {}) };
        if (opts.onCandidate) opts.onCandidate(cand);
        else result.candidates.push(cand);
        if (show) sheet.preview.push({ row: r.number, cells: texts(r.cells), status: 'ok' });
      }
      if (limit !== undefined && sheet.preview.length >= limit) break;
    }
    if (sheet) result.sheets.push(sheet);
    else if (opts.sheet !== undefined) throw new UserError('import.noHeader', { sheet: ws.name });
    // A preview lists header-less sheets too, so the user sees why they are left out.
    else if (limit !== undefined) result.sheets.push({ name: ws.name, headerRow: 0, header: [], shape: '', mapping: {}, remembered: false, rowsRead: 0, skipped: 0, preview: [] });
  }
  if (!sawSheet) throw new UserError('import.notXlsx', { path });
  if (opts.sheet !== undefined && result.sheets.length === 0) throw new UserError('import.sheetNotFound', { sheet: opts.sheet });
  if (!sawRows) throw new UserError('import.emptyWorkbook', { path });
  if (!result.sheets.some((s) => s.headerRow > 0)) throw new UserError('import.noHeader', { sheet: '*' });
  opts.onProgress?.(1, rows);
  return result;
}
