/** What the wizard shows before anything is written: sheets, detected header, mapping, first rows with their status. */
import type { ImportPreview } from '../../../shared/contract/import';
import type { Locale } from '../../../shared/messages/index';
import type { Book } from '../book/book';
import { KIND_COLUMNS, missingFields, type ImportKind, type Mapping } from './columns';
import { kindHandler } from './kinds/index';
import { rememberedMapping, rejectMessage } from './run';
import { scanWorkbook } from './scan';

export const PREVIEW_ROWS = 30;

export async function previewImport(book: Book, req: { kind: ImportKind; path: string; mapping?: Mapping | undefined }, locale: Locale): Promise<ImportPreview> {
  const handler = kindHandler(book, { kind: req.kind, as: 'claims' });
  const scan = await scanWorkbook(req.path, handler, { kind: req.kind, mapping: req.mapping, remembered: (shape) => rememberedMapping(book, shape), previewRows: PREVIEW_ROWS });
  const spec = KIND_COLUMNS[req.kind];
  return {
    kind: req.kind,
    fields: Object.keys(spec.fields).map((field) => ({ field, required: spec.required.includes(field) })),
    sheets: scan.sheets.map((s) => ({
      name: s.name,
      headerRow: s.headerRow,
      header: s.header,
      mapping: s.mapping,
      remembered: s.remembered,
      // A form states its claimant and department for all its lines.
      missing: s.headerRow ? missingFields(req.kind, s.mapping).filter((f) => !(s.forms.length > 0 && (f === 'employee' || f === 'department'))) : [],
      rows: s.preview.map((r) => ({ row: r.row, cells: r.cells, status: r.status, ...(r.code ? { reason: rejectMessage(locale, r.code, r.params ?? {}) } : {}) })),
      forms: s.forms.map((f) => ({
        sheet: f.sheet,
        formNo: f.formNo,
        employee: f.employee,
        department: f.department,
        date: f.date,
        headerRow: f.headerRow,
        lines: f.lines,
        totalFen: f.totalFen,
        ...(f.reason ? { reason: rejectMessage(locale, f.reason.code, f.reason.params) } : {}),
      })),
    })),
  };
}
