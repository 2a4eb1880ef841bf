/**
 * Reading phase of an import: stream each sheet, find its header in the first 20 rows,
 * skip titles, blank rows and everything from a footer (合计/小计/总计/Total) down, and
 * parse each data row with the kind's parser. No writes: a file that breaks halfway
 * leaves the book untouched. Every row below the header is accounted for.
 */
import { UserError } from '../../../shared/errors';
import type { MessageCode } from '../../../shared/messages/index';
import { headerShape, headerTexts, isColumnName, isFooter, isFormFooter, isHeader, mapHeader, missingFields, type ImportKind, type Mapping } from './columns';
import { isLabelRow, readFormHead, type FormHead } from './form';
import { FormScanner, type ScannedForm } from './form-scan';
import type { Candidate, KindHandler, Params, RowView } from './kind';
import { LIMITS } from './limits';
import { streamWorkbook, type SheetRow, type WorkbookStream } from './reader';
import { cellText, isBlank, type Plain } from './values';

export const HEADER_SEARCH_ROWS = 20;
/** A preview reads a form sheet to its end (to show every form as a claim), up to this row. */
const PREVIEW_FORM_ROWS = 5_000;
/** Fields a form states for all its lines (its labels), so its lines table need not have them. */
const FORM_SUPPLIES = new Set(['employee', 'department']);

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
  /** 费用报销单 forms read on the sheet (expenses), in order. */
  forms: ScannedForm[];
}

export interface ScanResult {
  sheets: ScannedSheet[];
  candidates: Candidate<unknown>[];
  rejects: ScanReject[];
  forms: ScannedForm[];
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
  /** A form's own fields, for its lines that leave them blank (报销人, 部门). */
  constructor(
    private readonly mapping: Mapping,
    private readonly defaults: Record<string, string> = {},
  ) {}
  get(f: string): Plain {
    const col = this.mapping[f];
    const v = col === undefined ? null : (this.cells[col] ?? null);
    return isBlank(v) && this.defaults[f] ? this.defaults[f] : v;
  }
  has(f: string): boolean {
    return this.mapping[f] !== undefined || !!this.defaults[f];
  }
}

const formDefaults = (head: FormHead) => ({ employee: head.employee, department: head.department });

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
  const result: ScanResult = { sheets: [], candidates: [], rejects: [], forms: [], fileHash: wb.hash };
  const emitCandidate = (c: Candidate<unknown>) => (opts.onCandidate ? opts.onCandidate(c) : result.candidates.push(c));
  // Forms are an expenses layout; other kinds read tables only.
  const formsAllowed = opts.kind === 'expenses';
  const columnName = (t: string) => isColumnName(opts.kind, t);
  const headerOf = (cells: Plain[]) => {
    const detected = mapHeader(opts.kind, cells);
    return isHeader(opts.kind, detected) && !(formsAllowed && isLabelRow(cells, columnName)) ? detected : null;
  };
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
    // Rows above the next lines table: a form's head (its labelled fields) is read from them.
    const above: Plain[][] = [];
    // Set on a form sheet (the first table has a form head above it).
    let forms: FormScanner | null = null;
    const formOf = (cells: Plain[]): { head: FormHead; mapping: Mapping; shape: string; remembered: Mapping | undefined } | null => {
      const detected = headerOf(cells);
      if (!detected) return null;
      const head = formsAllowed ? readFormHead(above, columnName) : null;
      const shape = headerShape(opts.kind, cells);
      const remembered = opts.mapping ? undefined : opts.remembered?.(shape);
      return head ? { head, mapping: opts.mapping ?? remembered ?? detected, shape, remembered } : null;
    };
    const requireColumns = (mapping: Mapping, form: boolean) => {
      const missing = missingFields(opts.kind, mapping).filter((f) => !(form && FORM_SUPPLIES.has(f)));
      if (missing.length && limit === undefined) throw new UserError('import.missingColumns', { sheet: ws.name, columns: missing.join(', ') });
    };
    for await (const r of ws.rows as AsyncIterable<SheetRow>) {
      sawRows = sawRows || r.cells.some((c) => !isBlank(c));
      if (++rows % 2000 === 0) opts.onProgress?.(ws.fraction() ?? fraction, rows);
      if (!sheet) {
        if (r.number > HEADER_SEARCH_ROWS) break;
        const detected = headerOf(r.cells);
        if (!detected) {
          if (formsAllowed) above.push(r.cells);
          continue;
        }
        const form = formOf(r.cells);
        const shape = form?.shape ?? headerShape(opts.kind, r.cells);
        const remembered = form ? form.remembered : opts.mapping ? undefined : opts.remembered?.(shape);
        const mapping = form?.mapping ?? opts.mapping ?? remembered ?? detected;
        requireColumns(mapping, form !== null);
        sheet = { name: ws.name, headerRow: r.number, header: headerTexts(r.cells).slice(1), shape, mapping, remembered: remembered !== undefined, rowsRead: 0, skipped: 0, preview: [], forms: [] };
        if (form) {
          forms = new FormScanner(ws.name, { candidate: emitCandidate, reject: (x) => result.rejects.push(x) });
          forms.begin(form.head, r.number, mapping.amount);
          view = new SheetRowView(mapping, formDefaults(form.head));
        } else view = new SheetRowView(mapping);
        above.length = 0;
        prev = r.number;
        continue;
      }
      // Rows the file does not store at all are blank rows between data rows.
      const gap = r.number - prev - 1;
      sheet.rowsRead += gap + 1;
      sheet.skipped += gap;
      prev = r.number;
      const show = limit !== undefined && sheet.preview.length < limit;
      const skip = () => {
        sheet!.skipped++;
        if (show) sheet!.preview.push({ row: r.number, cells: texts(r.cells), status: 'skipped' });
      };
      const blank = r.cells.every(isBlank);
      if (footer) {
        // Below a form's 合计 row: its signatures, maybe the rest of its total, then perhaps the next form.
        if (forms && !blank) {
          const next = formOf(r.cells);
          if (next) {
            requireColumns(next.mapping, true);
            forms.begin(next.head, r.number, next.mapping.amount);
            view = new SheetRowView(next.mapping, formDefaults(next.head));
            above.length = 0;
            footer = false;
          } else {
            forms.after(r.cells);
            above.push(r.cells);
          }
        }
        skip();
        continue;
      }
      if (blank) {
        skip();
        continue;
      }
      if (forms ? isFormFooter(r.cells) : isFooter(r.cells)) {
        footer = true;
        forms?.footer(r.cells);
        skip();
        continue;
      }
      view!.cells = r.cells;
      // Excel itself holds at most 32,767 characters in a cell: a longer one is a damaged or hostile file, never data.
      const parsed = r.cells.some(tooLong) ? { ok: false as const, code: 'limits.cellTooLong' as const, params: { max: LIMITS.cellChars } } : handler.parse(view!);
      if (!parsed.ok) {
        const rej = { sheet: ws.name, row: r.number, code: parsed.code, params: parsed.params ?? {}, cells: shown(r.cells) };
        const entry: ScannedSheet['preview'][number] = { row: r.number, cells: rej.cells, status: 'rejected', code: rej.code, params: rej.params };
        if (show) sheet.preview.push(entry);
        // A form's preview rows are kept to be marked if the whole form is rejected.
        if (forms) forms.line(view!.get('amount'), { reject: rej }, show ? entry : null);
        else result.rejects.push(rej);
      } else {
        const cand: Candidate<unknown> = { sheet: ws.name, row: r.number, value: parsed.value, ...(handler.keepCells ? { cells: r.cells } : {}) };
        const entry: ScannedSheet['preview'][number] = { row: r.number, cells: texts(r.cells), status: 'ok' };
        if (show) sheet.preview.push(entry);
        if (forms) {
          cand.form = forms.current!;
          forms.line(view!.get('amount'), { candidate: cand, cells: shown(r.cells) }, show ? entry : null);
        } else emitCandidate(cand);
      }
      if (limit !== undefined && (forms ? r.number >= PREVIEW_FORM_ROWS : sheet.preview.length >= limit)) break;
    }
    if (forms) {
      forms.close();
      sheet!.forms = forms.forms;
      result.forms.push(...forms.forms);
    }
    if (sheet) result.sheets.push(sheet);
    else if (opts.sheet !== undefined) throw new UserError('import.noHeader', { sheet: ws.name });
    // A preview lists header-less sheets too, so the user sees why they are left out.
    else if (limit !== undefined) result.sheets.push({ name: ws.name, headerRow: 0, header: [], shape: '', mapping: {}, remembered: false, rowsRead: 0, skipped: 0, preview: [], forms: [] });
  }
  if (!sawSheet) throw new UserError('import.notXlsx', { path });
  if (opts.sheet !== undefined && result.sheets.length === 0) throw new UserError('import.sheetNotFound', { sheet: opts.sheet });
  if (!sawRows) throw new UserError('import.emptyWorkbook', { path });
  if (!result.sheets.some((s) => s.headerRow > 0)) throw new UserError('import.noHeader', { sheet: '*' });
  opts.onProgress?.(1, rows);
  return result;
}
