/** What the wizard shows before anything is written: sheets, detected header, mapping, first rows with their status. */
import type { ImportPreview } from '../../../shared/contract/import';
import type { Locale } from '../../../shared/messages/index';
import type { Book } from '../book/book';
import { KIND_COLUMNS, missingFields, type ImportKind, type Mapping } from './columns';
import { kindHandler } from './kinds/index';
import { rememberedMapping, rejectMessage } from './run';
import { scanWorkbook } from './scan';
import { invoiceFileType, readInvoiceFile, type InvoiceFileType } from '../invoices/files';
import { formatFen } from '../../../shared/money';
import { basename } from 'node:path';

export const PREVIEW_ROWS = 30;

export async function previewImport(book: Book, req: { kind: ImportKind; path: string; mapping?: Mapping | undefined }, locale: Locale): Promise<ImportPreview> {
  const single = req.kind === 'invoices' ? invoiceFileType(req.path) : null;
  if (single) return previewInvoiceFile(req.path, single);
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

/** A single 数电票 XML or PDF: one row, the invoice as the ledger will store it, under the export's column names. */
async function previewInvoiceFile(path: string, type: InvoiceFileType): Promise<ImportPreview> {
  const { record: r } = await readInvoiceFile(path, type);
  const fields = ['number', 'date', 'sellerTaxId', 'sellerName', 'buyerTaxId', 'buyerName', 'amount', 'tax', 'total', 'kind'] as const;
  const names = KIND_COLUMNS.invoices.fields;
  const values: Record<(typeof fields)[number], string> = {
    number: r.number,
    date: r.issueDate ?? '',
    sellerTaxId: r.sellerTaxId,
    sellerName: r.sellerName,
    buyerTaxId: r.buyerTaxId,
    buyerName: r.buyerName,
    amount: formatFen(r.amountFen),
    tax: formatFen(r.taxFen),
    total: formatFen(r.totalFen),
    kind: r.kind,
  };
  return {
    kind: 'invoices',
    fixed: true,
    fields: Object.keys(names).map((field) => ({ field, required: KIND_COLUMNS.invoices.required.includes(field) })),
    sheets: [
      {
        name: basename(path),
        headerRow: 1,
        header: fields.map((f) => names[f]![0]!),
        mapping: Object.fromEntries(fields.map((f, i) => [f, i + 1])),
        remembered: false,
        missing: [],
        rows: [{ row: 1, cells: fields.map((f) => values[f]), status: 'ok' }],
        forms: [],
      },
    ],
  };
}
