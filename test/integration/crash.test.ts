/**
 * Crash safety: the CLI is killed with SIGKILL in the middle of a 200,000-row import, an
 * allocation post and a period close, at several points. After each kill the book opens,
 * `book check` passes (integrity, balances, audit chain, posted vouchers), and the
 * operation is either entirely there or entirely absent. A stale lock left by the killed
 * process is taken over.
 */
import { spawn, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkBook } from '../../electron/core/book/check';
import { openBook } from '../../electron/core/book/open';
import { saveRule } from '../../electron/core/allocation/rules';
import { transferPl } from '../../electron/core/closing/transfer';
import { closePeriod } from '../../electron/core/ledger/periods';
import { bigBook } from '../bench/gen-book';
import { writeExpenseSheet } from '../bench/import.bench';

const CLI = ['--import', 'tsx', resolve('electron/cli/index.ts')];
const dir = mkdtempSync(join(tmpdir(), 'cl-crash-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Runs the CLI to the end; returns its wall time. */
function runToEnd(args: string[]): number {
  const t = Date.now();
  const r = spawnSync(process.execPath, [...CLI, ...args, '--json'], { encoding: 'utf8', timeout: 600_000 });
  if (r.status !== 0) throw new Error(`cli ${args.join(' ')} failed: ${r.stdout} ${r.stderr}`);
  return Date.now() - t;
}

/** Starts the CLI and SIGKILLs it after `ms`; resolves to whether it had already finished. */
function killAfter(args: string[], ms: number): Promise<'killed' | 'finished'> {
  return killWhen(args, (elapsed) => elapsed >= ms);
}

const walBytes = (book: string) => (existsSync(`${book}-wal`) ? statSync(`${book}-wal`).size : 0);

/**
 * Starts the CLI, polls every 10 ms and SIGKILLs it once `when(elapsedMs)` holds; also
 * reports the largest write-ahead log seen (how far a long transaction had got).
 */
function killWhen(args: string[], when: (elapsed: number) => boolean, book?: string): Promise<'killed' | 'finished'> {
  return new Promise((done) => {
    const started = Date.now();
    const child = spawn(process.execPath, [...CLI, ...args, '--json'], { stdio: 'ignore' });
    const poll = setInterval(() => {
      if (book) maxWal = Math.max(maxWal, walBytes(book));
      if (when(Date.now() - started)) child.kill('SIGKILL');
    }, 10);
    child.on('exit', (_code, signal) => {
      clearInterval(poll);
      done(signal === 'SIGKILL' ? 'killed' : 'finished');
    });
  });
}
let maxWal = 0;

const startup = () => runToEnd(['book', 'create', join(dir, `startup-${Date.now()}.book`), '--company', 'S']);

/** The book after a crash: sound, and in one of the two states an operation may leave. */
function inspect(path: string, state: (sql: (q: string) => unknown) => unknown) {
  const book = openBook(path);
  try {
    const report = checkBook(book);
    return { report, state: state((q) => book.sqlite.prepare(q).get()) };
  } finally {
    book.close();
  }
}

const FRACTIONS = [0.35, 0.6, 0.8, 0.95];

describe('crash safety (SIGKILL)', () => {
  let sheet: string;
  let s: number;
  beforeAll(async () => {
    sheet = join(dir, 'expenses-200k.xlsx');
    await writeExpenseSheet(sheet, 200_000, 7);
    s = startup();
  }, 600_000);

  it('an import is entirely there or entirely absent', async () => {
    const template = join(dir, 'import-template.book');
    runToEnd(['book', 'create', template, '--company', '导入崩溃', '--first-period', '2026-01']);
    const full = join(dir, 'import-full.book');
    copyFileSync(template, full);
    // The import writes in chunks inside one transaction: the log grows as it goes.
    maxWal = 0;
    expect(await killWhen(['import', 'expenses', full, sheet], () => false, full)).toBe('finished');
    const fullWal = maxWal;
    expect(fullWal).toBeGreaterThan(1_000_000);
    const complete = inspect(full, (q) => q('SELECT COUNT(*) AS lines FROM claim_line'));
    expect(complete.report.ok).toBe(true);
    const lines = (complete.state as { lines: number }).lines;
    expect(lines).toBeGreaterThan(150_000);
    const outcomes: string[] = [];
    for (const f of FRACTIONS) {
      const work = join(dir, `import-${f}.book`);
      copyFileSync(template, work);
      // Kill points by how much of the transaction is written (and one while still reading).
      const at = f === FRACTIONS[0] ? 1 : f * fullWal;
      outcomes.push(await killWhen(['import', 'expenses', work, sheet], () => walBytes(work) >= at));
      const after = inspect(work, (q) => q('SELECT (SELECT COUNT(*) FROM claim_line) AS lines, (SELECT COUNT(*) FROM import_batch) AS batches, (SELECT COUNT(*) FROM customer) AS customers'));
      expect(after.report, `kill at ${f}`).toMatchObject({ ok: true });
      const st = after.state as { lines: number; batches: number; customers: number };
      expect([0, lines], `kill at ${f}`).toContain(st.lines);
      expect(st.batches).toBe(st.lines === 0 ? 0 : 1);
      if (st.lines === 0) expect(st.customers).toBe(0); // not even a new customer
    }
    expect(outcomes).toContain('killed');
  }, 900_000);

  it('an allocation post and a period close are entirely there or entirely absent', async () => {
    const template = join(dir, 'alloc-template.book');
    const book = bigBook({ dir, lines: 200_000, customers: 5_000 });
    book.tx(() => {
      saveRule(book, { seq: 1, name: '办公费按收入', method: 'single', accounts: ['560202'], departmentId: null, driver: 'revenue', target: { kind: 'all' }, active: true });
      saveRule(book, { seq: 2, name: '薪酬按平均', method: 'single', accounts: ['560204'], departmentId: null, driver: 'equal', target: { kind: 'all' }, active: true });
    });
    book.sqlite.pragma('wal_checkpoint(TRUNCATE)');
    const path = book.path;
    book.close();
    copyFileSync(path, template);
    const counts = (q: (s: string) => unknown) => q(`SELECT (SELECT COUNT(*) FROM voucher WHERE source_type = 'allocation') AS posted, (SELECT COUNT(*) FROM voucher_line) AS lines, (SELECT status FROM period WHERE period = '2026-06') AS status`);
    const before = inspect(template, counts).state as { posted: number; lines: number };
    const full = join(dir, 'alloc-full.book');
    copyFileSync(template, full);
    const t = runToEnd(['allocate', full, '--period', '2026-06', '--post']);
    const after = inspect(full, counts).state as { posted: number; lines: number };
    expect(after.posted).toBe(before.posted + 1);
    for (const f of FRACTIONS) {
      const work = join(dir, `alloc-${f}.book`);
      copyFileSync(template, work);
      await killAfter(['allocate', work, '--period', '2026-06', '--post'], s + f * (t - s));
      const r = inspect(work, counts);
      expect(r.report, `kill at ${f}`).toMatchObject({ ok: true });
      const st = r.state as { posted: number; lines: number };
      expect([before, after].map((x) => `${x.posted}/${x.lines}`), `kill at ${f}`).toContain(`${st.posted}/${st.lines}`);
    }
    // Period close: the status and its audit record go together. Months close in order after
    // their 结转损益: the template has January to May closed and June's P&L transferred.
    const closeTemplate = join(dir, 'close-template.book');
    copyFileSync(template, closeTemplate);
    const ready = openBook(closeTemplate);
    for (const p of ['2026-01', '2026-02', '2026-03', '2026-04', '2026-05']) ready.tx(() => (transferPl(ready, p), closePeriod(ready, p)));
    ready.tx(() => transferPl(ready, '2026-06'));
    ready.sqlite.pragma('wal_checkpoint(TRUNCATE)');
    ready.close();
    const closeFull = join(dir, 'close-full.book');
    copyFileSync(closeTemplate, closeFull);
    const tc = runToEnd(['period', 'close', closeFull, '2026-06']);
    for (const f of FRACTIONS) {
      const work = join(dir, `close-${f}.book`);
      copyFileSync(closeTemplate, work);
      await killAfter(['period', 'close', work, '2026-06'], s + f * (tc - s));
      const r = inspect(work, (q) => q(`SELECT (SELECT status FROM period WHERE period = '2026-06') AS status, (SELECT COUNT(*) FROM audit_log WHERE action = 'period.close' AND entity_id = '2026-06') AS audited`));
      expect(r.report, `kill at ${f}`).toMatchObject({ ok: true });
      const st = r.state as { status: string; audited: number };
      expect(st.audited).toBe(st.status === 'closed' ? 1 : 0);
    }
  }, 900_000);
});
