/**
 * Excel import of a 200,000-row expense sheet (issue 4): the whole import — stream, detect
 * the header, parse every value exactly, look up categories, check duplicates against the
 * file and every earlier batch, create customers and employees, write one claim per
 * employee, evaluate the expense policy, record the batch — in one transaction, against a
 * bare baseline: exceljs' streaming reader over the same file plus plain better-sqlite3
 * inserts of the same cells (one prepared statement, one transaction).
 * Ours runs as the packed app runs it: the built job worker and reader thread (`npm run
 * bench` builds first), in a process of its own (import-job.mjs), into a fresh book.
 * Targets: ≤ 1.25× the baseline, < 280 MB peak RSS; through the built command line
 * (`node scripts/cli.mjs import expenses …`, a whole process: start-up, book open, import,
 * exit) ≤ 1.35× and < 300 MB.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import type { ImportSummary } from '../../shared/contract/import';
import { createBook } from '../../electron/core/book/open';
import { JOB_LIMITS } from '../../electron/core/jobs/runner';
import type { JobInput, JobMessage } from '../../electron/core/jobs/protocol';
import { median, rng, type BenchCase, type BenchSize } from './types';

const rowsFor = (size: BenchSize) => (size === 'smoke' ? 2_000 : 200_000);

const EMPLOYEES = ['张伟', '王芳', '李娜', '刘洋', '陈静', '杨磊', '赵敏', '黄勇', '周杰', '吴霞', '徐鹏', '孙丽'];
const DEPARTMENTS = ['销售一部', '销售二部', '大客户部', '市场部'];
const CUSTOMERS = ['蓝海贸易（上海）有限公司', '华东机械有限公司', '星河科技股份有限公司', '瑞丰电子（深圳）有限公司', '天成医药连锁', '恒信物流有限公司', '南粤食品有限公司', '北方重工集团', 'Acme Trading Ltd', '晨光文具有限公司', '远航教育科技', '安泰保险代理', '金石建材有限公司', '宏达汽车配件厂', '青禾农业合作社'];
const CATEGORIES = ['差旅费', '拜访差旅', 'taxi', '市内交通', '住宿费', 'hotel', '餐费', '工作餐', '招待费', '业务招待费', '答谢会', '客户活动费', '礼品', 'Gifts', '投诉', '维修费', '话费', '通讯费', 'CRM', 'CRM系统费', '其他', 'other'];
const TOPICS = ['拜访客户', '技术交流', '需求调研', '合同签订', '售后处理', '年度答谢', '新品推介', '催收货款'];
const HEADER = ['日期', '报销人', '部门', '客户', '费用类别', '摘要', '发票号', '金额'];

/** A deterministic expense sheet written with exceljs' streaming writer (shared strings, as Excel saves). */
export async function writeExpenseSheet(path: string, rows: number, seed = 42): Promise<void> {
  const { default: ExcelJS } = await import('exceljs');
  const r = rng(seed);
  const pick = <T>(xs: T[]) => xs[Math.floor(r() * xs.length)]!;
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useSharedStrings: true, useStyles: true });
  const ws = wb.addWorksheet('明细');
  ws.addRow(HEADER).commit();
  for (let i = 0; i < rows; i++) {
    const day = 1 + Math.floor(r() * 30);
    const fen = 100 + Math.floor(r() * 99_900);
    const yuan = `${Math.floor(fen / 100)}.${String(fen % 100).padStart(2, '0')}`;
    // Amounts as Excel holds them: mostly numbers, some typed as text with a currency mark.
    const amount = r() < 0.8 ? Number(yuan) : `¥${yuan}`;
    const row = ws.addRow([new Date(Date.UTC(2026, 8, day)), pick(EMPLOYEES), pick(DEPARTMENTS), pick(CUSTOMERS), pick(CATEGORIES), `${pick(TOPICS)} #${i}`, r() < 0.5 ? `2644${String(i).padStart(16, '0')}` : null, amount]);
    row.getCell(1).numFmt = 'yyyy-mm-dd';
    row.commit();
  }
  ws.commit();
  await wb.commit();
}

/** The bare baseline: stream the same file with exceljs and insert the same cells as they come. */
export async function baselineImport(xlsx: string, dbPath: string): Promise<number> {
  const { default: ExcelJS } = await import('exceljs');
  const db = new Database(dbPath);
  db.pragma('journal_mode = WAL');
  db.exec('CREATE TABLE line (date TEXT, employee TEXT, department TEXT, customer TEXT, category TEXT, description TEXT, invoice TEXT, amount TEXT)');
  const insert = db.prepare('INSERT INTO line VALUES (?, ?, ?, ?, ?, ?, ?, ?)');
  // eslint-disable-next-line no-restricted-syntax -- exceljs gives a date cell as UTC midnight of that date
  const text = (v: unknown) => (v === null || v === undefined ? null : v instanceof Date ? v.toISOString().slice(0, 10) : String(v));
  let n = 0;
  db.exec('BEGIN');
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(xlsx, { sharedStrings: 'cache', hyperlinks: 'ignore', styles: 'cache', worksheets: 'emit', entries: 'emit' });
  for await (const ws of reader) {
    for await (const row of ws) {
      if (row.number === 1) continue;
      const v = row.values as unknown[];
      insert.run(text(v[1]), text(v[2]), text(v[3]), text(v[4]), text(v[5]), text(v[6]), text(v[7]), text(v[8]));
      n++;
    }
  }
  db.exec('COMMIT');
  db.close();
  return n;
}

const SELF = fileURLToPath(import.meta.url);
const JOB_WORKER = resolve('out/main/job-worker.js');

/** Ours: a fresh book, then the import job in the built worker, timed and measured in its own process. */
function ourImport(xlsx: string, bookPath: string): { ms: number; peakRssMb: number; accepted: number } {
  if (!existsSync(JOB_WORKER)) throw new Error(`${JOB_WORKER} missing: npm run build first`);
  createBook({ path: bookPath, company: '基准测试', firstPeriod: '2026-01' }).close();
  const input: JobInput = { job: 'import', bookPath, user: 'bench', locale: 'zh-CN', payload: { kind: 'expenses', path: xlsx } };
  const out = execFileSync(process.execPath, [resolve(SELF, '../import-job.mjs'), JOB_WORKER, JSON.stringify(input), JSON.stringify(JOB_LIMITS)], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const r = JSON.parse(out.trim().split('\n').pop()!) as { ms: number; peakRssMb: number; message: JobMessage };
  if (r.message.type !== 'done') throw new Error(`import failed: ${JSON.stringify(r.message)}`);
  const s = r.message.result as ImportSummary;
  if (s.rowsRead !== s.accepted + s.rejected + s.duplicates + s.skipped) throw new Error('row accounting broken');
  return { ms: r.ms, peakRssMb: r.peakRssMb, accepted: s.accepted };
}

const CLI = resolve('scripts/cli.mjs');
const TIME = '/usr/bin/time';

/** Ours through the command line: the built CLI in a process of its own, timed from its spawn; peak RSS from GNU time when installed. */
function cliImport(xlsx: string, bookPath: string): { ms: number; peakRssMb: number; accepted: number } {
  createBook({ path: bookPath, company: '基准测试', firstPeriod: '2026-01' }).close();
  const args = [CLI, 'import', 'expenses', bookPath, xlsx, '--json'];
  const timed = existsSync(TIME);
  const t = performance.now();
  const r = timed ? spawnSync(TIME, ['-f', '@@RSS %M', process.execPath, ...args], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 }) : spawnSync(process.execPath, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const ms = performance.now() - t;
  if (r.status !== 0) throw new Error(`cli import failed: ${r.stdout} ${r.stderr}`);
  const s = JSON.parse(r.stdout.trim().split('\n').pop()!) as ImportSummary;
  const rss = /@@RSS (\d+)/.exec(r.stderr ?? '');
  return { ms, peakRssMb: rss ? Number(rss[1]) / 1024 : NaN, accepted: s.accepted };
}

/** Runs one step of this file in a child process (its memory is not ours) and returns what it prints. */
const child = (...args: string[]) => execFileSync(process.execPath, ['--import', 'tsx', SELF, ...args], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });

/**
 * Measures ours against the baseline on one generated sheet, alternating the two so that a
 * busy machine slows both alike; returns the medians in ms and ours' highest peak RSS.
 * Everything runs in child processes, each timed inside itself.
 */
async function benchImport(rows: number, runs: number, via: typeof ourImport = ourImport): Promise<{ ms: number; baselineMs: number; peakRssMb: number; accepted: number; fileMb: number }> {
  const dir = mkdtempSync(join(tmpdir(), 'cl-bench-import-'));
  try {
    const xlsx = join(dir, 'expenses.xlsx');
    child('--generate', xlsx, String(rows));
    const ours: number[] = [];
    const base: number[] = [];
    let accepted = 0;
    let peakRssMb = 0;
    for (let i = 0; i < runs; i++) {
      base.push(Number(child('--baseline', xlsx, join(dir, `base-${i}.db`)).trim().split('\n').pop()));
      const r = via(xlsx, join(dir, `ours-${i}.book`));
      ours.push(r.ms);
      accepted = r.accepted;
      peakRssMb = Math.max(peakRssMb, r.peakRssMb);
      for (const f of [`base-${i}.db`, `ours-${i}.book`]) rmSync(join(dir, f), { force: true });
    }
    return { ms: median(ours), baselineMs: median(base), peakRssMb, accepted, fileMb: statSync(xlsx).size / 2 ** 20 };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

// Child-process steps (see `child`).
if (process.argv[1] === SELF) {
  const [step, a, b] = process.argv.slice(2);
  if (step === '--generate') await writeExpenseSheet(a!, Number(b));
  if (step === '--baseline') {
    const t = performance.now();
    await baselineImport(a!, b!);
    process.stdout.write(`${performance.now() - t}\n`);
  }
}

export const cases: BenchCase[] = [
  {
    name: 'import 200k expense rows',
    target: '≤ 1.25× exceljs stream read + bare inserts, < 280 MB',
    maxRatio: 1.25,
    maxRssMb: 280,
    async run(size) {
      const rows = rowsFor(size);
      const r = await benchImport(rows, size === 'smoke' ? 1 : 5);
      if (r.accepted !== rows) throw new Error(`accepted ${r.accepted} of ${rows}`);
      return { ms: r.ms, baselineMs: r.baselineMs, peakRssMb: r.peakRssMb, note: `${rows.toLocaleString('en-US')} rows, ${Math.round(r.fileMb * 10) / 10} MB file` };
    },
  },
  {
    name: 'import 200k expense rows through the built CLI',
    target: '≤ 1.35× exceljs stream read + bare inserts, < 300 MB',
    maxRatio: 1.35,
    maxRssMb: 300,
    async run(size) {
      const rows = rowsFor(size);
      // Built once outside the timing (the first call after a change builds out/cli).
      const warm = spawnSync(process.execPath, [CLI, '--help'], { encoding: 'utf8' });
      if (warm.error) throw warm.error;
      const r = await benchImport(rows, size === 'smoke' ? 1 : 5, cliImport);
      if (r.accepted !== rows) throw new Error(`accepted ${r.accepted} of ${rows}`);
      return { ms: r.ms, baselineMs: r.baselineMs, peakRssMb: r.peakRssMb, note: `${rows.toLocaleString('en-US')} rows; node scripts/cli.mjs import expenses, the whole process` };
    },
  },
];
