import { z } from 'zod';
import type { ReportResult } from '../report';
import { channel } from './define';
import type { JobStarted } from './jobs';
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

/** What a `reports.export` job ends with. */
export interface ExportResult {
  path: string;
  rows: number;
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

export const reportsChannels = {
  'reports.list': channel<ReportInfo[]>()(z.object({})),
  'reports.dimensions': channel<ReportDimensions>()(z.object({})),
  'reports.run': channel<ReportResult>()(z.object({ name: reportName, ...periodRange, filters: reportFiltersSchema })),
  /** Exports are jobs (jobs.ts): `{ jobId }` at once; the job's result is ExportResult / PackResult. */
  'reports.export': channel<JobStarted>()(z.object({ name: reportName, ...periodRange, filters: reportFiltersSchema, path: xlsxPath })),
  'reports.exportPack': channel<JobStarted>()(z.object({ ...periodRange, path: xlsxPath })),
};
