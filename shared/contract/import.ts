/** Excel import channels: preview, run (in the request: CLI, tests) or start (a job with push progress: the UI), batches, undo, rejects. */
import { z } from 'zod';
import { channel } from './define';
import type { JobStarted } from './jobs';
import { id } from './primitives';

export const importKindSchema = z.enum(['expenses', 'customers', 'employees', 'accounts', 'revenue', 'drivers', 'timesheets', 'opening-balances', 'vouchers', 'invoices']);
export type ImportKindName = z.infer<typeof importKindSchema>;

export interface SheetSummary {
  name: string;
  headerRow: number;
  rowsRead: number;
  accepted: number;
  rejected: number;
  duplicates: number;
  skipped: number;
}

export interface RejectRow {
  sheet: string;
  row: number;
  reason: string;
}

export interface PolicyException {
  sheet: string;
  row: number;
  rule: string;
  action: 'warn' | 'block';
  message: string;
}

/** A 费用报销单 form read by an expenses import: one form = one claim. */
export interface FormSummary {
  sheet: string;
  /** 单据编号 as the form states it ('' when it states none). */
  formNo: string;
  employee: string;
  /** Its lines (data rows of its table). */
  lines: number;
  /** The total it states (figures, else 大写), else the sum of its lines. */
  totalFen: number;
  /** Why the whole form was rejected (its stated total differs from its lines). */
  reason?: string;
}

/** A customer or employee an import creates (or, in a preview, would create): its generated code, name and how many rows use it. */
export interface CreatedMaster {
  code: string;
  name: string;
  rows: number;
}

/** In a preview, also the first rows that use it. */
export interface NewMaster extends CreatedMaster {
  firstRows: { sheet: string; row: number }[];
}

/**
 * The preview's second half: the customers and employees the import would create, over every
 * row of the file (a dry run, nothing written), with the codes they will get. A 200,000-row
 * file takes as long to read as to import, so it runs as a job (import.masters, jobs.ts) like
 * an import; the import creates them only when its request confirms them (importRunSchema.masters).
 */
export interface NewMasters {
  customers: NewMaster[];
  employees: NewMaster[];
}

/** What one import did. rowsRead = accepted + rejected + duplicates + skipped, per sheet and in total. */
export interface ImportSummary {
  batchId: number;
  kind: ImportKindName;
  rowsRead: number;
  accepted: number;
  rejected: number;
  duplicates: number;
  skipped: number;
  acceptedTotalFen: number;
  byCategory: Record<string, number>;
  createdCustomers: number;
  createdEmployees: number;
  /** The masters created, in creation order (createdCustomers/createdEmployees count them). */
  newMasters: { customers: CreatedMaster[]; employees: CreatedMaster[] };
  sheets: SheetSummary[];
  rejects: RejectRow[];
  /** rejects[i]'s non-empty cells as read, for the first 1,000 rejects (the reject workbook holds them all). */
  rejectValues: string[][];
  duplicateRows: { sheet: string; row: number }[];
  /** What duplicateRows[i] repeats (the earlier row, batch or claim line and the matching key), for the first 1,000; '' when unknown. */
  duplicateOf: string[];
  /** Policy exceptions of accepted rows: the first 500, in row order… */
  policy: PolicyException[];
  /** …of this many. */
  policyTotal: number;
  /** An earlier, not undone batch read a byte-identical file. */
  sameFileBatchId: number | null;
  /** Forms read (expenses; empty for tables). */
  forms: FormSummary[];
}

export type RowStatus = 'ok' | 'rejected' | 'skipped';

export interface PreviewSheet {
  name: string;
  /** 0 when no header was found in the first 20 rows. */
  headerRow: number;
  header: string[];
  /** Field → 1-based column number. */
  mapping: Record<string, number>;
  /** Whether the mapping came from an earlier import of the same header shape. */
  remembered: boolean;
  missing: string[];
  rows: { row: number; cells: string[]; status: RowStatus; reason?: string }[];
  /** The sheet's 费用报销单 forms, each shown as the claim it becomes. */
  forms: (FormSummary & { headerRow: number; department: string; date: string | null })[];
}

export interface ImportPreview {
  kind: ImportKindName;
  fields: { field: string; required: boolean }[];
  sheets: PreviewSheet[];
  /** A file of fixed layout (a single 数电票 XML or PDF): no sheet or column mapping to choose. */
  fixed?: true;
}

export interface ImportBatchRow {
  id: number;
  kind: string;
  mode: string;
  fileName: string;
  createdAt: string;
  createdBy: string;
  rowsRead: number;
  accepted: number;
  rejected: number;
  duplicates: number;
  skipped: number;
  totalFen: number;
  undoneAt: string | null;
}

const path = z.string().min(1).max(2048);
/** As many as a sheet has rows (LIMITS.rowsPerSheet). */
const confirmedList = z.array(z.object({ name: z.string().min(1).max(200), code: z.string().max(40) })).max(1_048_576);
export const confirmedMastersSchema = z.object({ customers: confirmedList, employees: confirmedList });
export type ConfirmedMasters = z.infer<typeof confirmedMastersSchema>;
const mapping = z.record(z.string().max(40), z.number().int().min(1).max(16384));

export const importRunSchema = z.object({
  kind: importKindSchema.default('expenses'),
  path,
  sheet: z.string().max(200).optional(),
  as: z.enum(['claims', 'vouchers']).default('claims'),
  mapping: mapping.optional(),
  /** The file's name as the user knows it (uploads arrive under a temp name). */
  fileName: z.string().max(500).optional(),
  /**
   * The new masters the user confirmed in the preview (name and proposed code). Given, the
   * import creates no other customer or employee and refuses the whole import if a row needs
   * one (import.masterNotConfirmed); absent (the CLI, unattended), it creates them as needed.
   */
  masters: confirmedMastersSchema.optional(),
});

const previewSchema = z.object({ kind: importKindSchema.default('expenses'), path, mapping: mapping.optional() });

export const importChannels = {
  'import.preview': channel<ImportPreview>()(previewSchema),
  /** The dry run of new masters as a job: `{ jobId }` at once, progress and the NewMasters as events. */
  'import.masters': channel<JobStarted>()(previewSchema),
  /** The import as a job (jobs.ts): `{ jobId }` at once, progress and the ImportSummary as events. */
  'import.start': channel<JobStarted>()(importRunSchema),
  'import.batches': channel<ImportBatchRow[]>()(z.object({ limit: z.number().int().min(1).max(500).default(100) })),
  'import.undo': channel<{ batchId: number; reversedVouchers: number; deletedClaims: number; deletedMasters: number }>()(z.object({ batchId: id })),
  'import.rejects': channel<{ path: string; rows: number }>()(z.object({ batchId: id, path })),
  /** The 费用报销单 template (File → 导出报销单模板): one form sheet per active employee, or only the one with this code. */
  'import.claimTemplate': channel<{ path: string; sheets: string[] }>()(z.object({ path, employee: z.string().trim().min(1).max(40).optional() })),
};
