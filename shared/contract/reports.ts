import { z } from 'zod';
import type { ReportResult } from '../report';
import { channel } from './define';
import { filePath, id, periodRange } from './primitives';

export interface ReportInfo {
  name: string;
  /** In the UI language. */
  title: string;
}

export interface DimensionOption {
  id: number;
  code: string;
  name: string;
}

/** What the report screen's filter pickers offer. */
export interface ReportDimensions {
  customers: DimensionOption[];
  employees: DimensionOption[];
  departments: DimensionOption[];
  categories: DimensionOption[];
}

export interface ExportProgress {
  done: number;
  total: number;
  finished: boolean;
}

export interface PackResult {
  path: string;
  rows: number;
  reports: string[];
  /** Reports left out of the pack (they need a parameter the pack cannot guess), with why. */
  skipped: { name: string; reason: string }[];
}

export const reportFiltersSchema = z
  .object({
    customerId: id.optional(),
    employeeId: id.optional(),
    departmentId: id.optional(),
    categoryId: id.optional(),
    account: z.string().max(16).optional(),
    level: z.number().int().min(1).max(4).optional(),
  })
  .default({});

const reportName = z.string().min(1).max(64);
const xlsxPath = filePath.regex(/\.xlsx$/i, '.xlsx');
/** A caller-chosen id to poll `reports.progress` with while an export runs. */
const jobId = z.string().regex(/^[\w-]{1,64}$/).optional();

export const reportsChannels = {
  'reports.list': channel<ReportInfo[]>()(z.object({})),
  'reports.dimensions': channel<ReportDimensions>()(z.object({})),
  'reports.run': channel<ReportResult>()(z.object({ name: reportName, ...periodRange, filters: reportFiltersSchema })),
  'reports.export': channel<{ path: string; rows: number }>()(
    z.object({ name: reportName, ...periodRange, filters: reportFiltersSchema, path: xlsxPath, jobId }),
  ),
  'reports.exportPack': channel<PackResult>()(z.object({ ...periodRange, path: xlsxPath, jobId })),
  'reports.progress': channel<ExportProgress>()(z.object({ jobId: z.string().regex(/^[\w-]{1,64}$/) })),
};
