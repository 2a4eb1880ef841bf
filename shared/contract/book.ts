import { z } from 'zod';
import { channel } from './define';
import { filePath, periodSchema } from './primitives';

export const standardSchema = z.enum(['small', 'enterprise']);
export const localeSchema = z.enum(['zh-CN', 'en']);

export interface BookInfo {
  path: string;
  company: string;
  standard: 'small' | 'enterprise';
  baseCurrency: string;
  firstPeriod: string;
  bookId: string;
  /** The sync client's folder the book lives in (OneDrive, Dropbox, iCloud, 坚果云, 百度网盘…), or null: such clients can delete or replace the -wal. */
  syncedFolder: string | null;
}

export interface RecentBook {
  path: string;
  company: string;
  openedAt: string;
}

export interface CheckReport {
  ok: boolean;
  auditRecords: number;
  findings: { check: string; message: string }[];
  /** What was verified, in plain words (one line each). */
  verified: string[];
  /** The key the chain heads were verified with: its public id, or why there was none. */
  key: { status: 'verified' | 'absent' | 'wrong' | 'unkeyed'; id: string | null; where: string | null };
  /** True when SQLite's full integrity_check ran; false: quick_check (index keys against rows not compared). */
  full: boolean;
}

export interface AppInfo {
  version: string;
  locale: 'zh-CN' | 'en';
  user: string;
  book: BookInfo | null;
  /** Where new books go when only a file name is given (web harness, first run). */
  booksDir: string;
}

export interface BackupInfo {
  path: string;
  at: string;
  reason: string;
  bytes: number;
  company: string;
  vouchers: number;
  lastPeriod: string;
}

export interface Checklist {
  openingBalances: boolean;
  imported: boolean;
  approved: boolean;
  allocated: boolean;
}

/** 首页's figures (core/book/cockpit.ts says how each is counted). */
export interface Cockpit {
  /** The earliest period not closed: the next to close. */
  openPeriod: string;
  draftsInOpenPeriod: number;
  draftsTotal: number;
  /** The 结账检查 of the open period (closing/check.ts): ok when nothing blocks 结账; the message codes of its blockers and warnings. */
  closeCheck: { ok: boolean; blockers: string[]; warnings: string[] };
  claimsWaiting: { role: string; count: number; totalFen: number }[];
  budgetAlerts: { id: number; name: string; scope: string; period: string; usedPct: number; level: 'warn' | 'alert' }[];
  clientCosts: { period: string; fen: number; lastPeriod: string; lastFen: number; budgetFen: number | null };
}

const bookPath = filePath;

export const bookChannels = {
  'app.info': channel<AppInfo>()(z.object({})),
  'app.setLocale': channel<AppInfo>()(z.object({ locale: localeSchema })),
  /** What the open book shows of the monthly round, for the home page's guided checklist. */
  'app.checklist': channel<Checklist>()(z.object({})),
  'app.cockpit': channel<Cockpit>()(z.object({})),
  'book.create': channel<BookInfo>()(
    z.object({
      path: bookPath,
      company: z.string().min(1).max(200),
      standard: standardSchema.default('small'),
      firstPeriod: periodSchema.optional(),
      demo: z.boolean().optional(),
      /** The company's 纳税人识别号 (validated as book.set validates it). */
      taxId: z.string().max(40).optional(),
      /** 一般纳税人 (default) or 小规模纳税人. */
      taxpayer: z.enum(['general', 'small']).optional(),
    }),
  ),
  'book.open': channel<BookInfo>()(z.object({ path: bookPath })),
  /** The demo company's book in the books folder: opened if it exists, else created. */
  'book.demo': channel<BookInfo>()(z.object({})),
  'book.close': channel<{ closed: boolean }>()(z.object({})),
  'book.recent': channel<RecentBook[]>()(z.object({})),
  'book.backup': channel<{ path: string; pages: number }>()(z.object({ path: bookPath, overwrite: z.boolean().optional() })),
  /** `full`: SQLite's full integrity_check (seconds per 100 MB); without it quick_check (index keys against rows not compared). */
  'book.check': channel<CheckReport>()(z.object({ full: z.boolean().optional() })),
  /** Backups of a book (the open one when no path is given), newest first, with a preview. */
  'backups.list': channel<BackupInfo[]>()(z.object({ path: bookPath.optional() })),
  /** Puts a listed backup in place of the book at `path` (after backing that up) and opens it. */
  'backups.restore': channel<BookInfo>()(z.object({ path: bookPath, backup: bookPath })),
};
