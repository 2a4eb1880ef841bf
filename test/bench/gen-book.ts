/**
 * A big book for benchmarks: N customers, M employees and posted vouchers with `lines`
 * lines over 12 periods of 2026, written straight through SQL in one transaction (the
 * ledger API checks every voucher, which takes longer to build than the thing we
 * measure), each posting audited as the ledger would, so `book check` passes on it.
 * Deterministic for a seed.
 */
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { migrations } from '../../electron/core/db/migrations/index';
import type { Book } from '../../electron/core/book/book';
import { createBook, openBook } from '../../electron/core/book/open';
import { appendAudit } from '../../electron/core/book/audit';
import { voucherContentHash } from '../../electron/core/ledger/vouchers';
import { rng } from './types';

export interface BigBookOptions {
  dir: string;
  lines: number;
  customers: number;
  employees?: number;
  seed?: number;
}

/** A line as voucherLines reads it back (same fields, same order), for the audited content hash. */
const line = (line_no: number, account_code: string, debit_fen: number, credit_fen: number, memo: string, customer_id: number | null, employee_id: number | null) => ({
  line_no,
  account_code,
  debit_fen,
  credit_fen,
  memo,
  customer_id,
  employee_id,
  department_id: null,
  category_id: null,
});

const EXPENSE = ['56020101', '56020102', '56020103', '56020104', '56020105', '56020106', '560202', '560203', '560204', '560205'];

/**
 * The book for `o`, copied from a cache of generated books (a 1,000,000-line book takes a
 * minute or two to build; each benchmark case runs in its own process and wants its own
 * copy). The cache key includes the schema's migrations, so a new migration rebuilds it.
 */
export function bigBook(o: BigBookOptions): Book {
  const cacheDir = join(tmpdir(), 'client-ledger-bench-cache');
  const schema = createHash('sha1').update(Object.keys(migrations).sort().join(',')).digest('hex').slice(0, 10);
  const cached = join(cacheDir, `bench-${o.lines}-${o.customers}-${o.employees ?? 50}-${o.seed ?? 42}-${schema}.book`);
  if (!existsSync(cached)) {
    mkdirSync(cacheDir, { recursive: true });
    const building = join(cacheDir, `building-${process.pid}`);
    rmSync(building, { recursive: true, force: true });
    mkdirSync(building);
    const book = generate({ ...o, dir: building });
    book.sqlite.pragma('wal_checkpoint(TRUNCATE)');
    const path = book.path;
    book.close();
    renameSync(path, cached);
    rmSync(building, { recursive: true, force: true });
  }
  const target = join(o.dir, `bench-${o.lines}.book`);
  copyFileSync(cached, target);
  return openBook(target);
}

function generate(o: BigBookOptions): Book {
  const book = createBook({ path: join(o.dir, `bench-${o.lines}.book`), company: '基准测试公司', standard: 'small', firstPeriod: '2026-01' });
  const r = rng(o.seed ?? 42);
  const s = book.sqlite;
  // book.tx, not a raw transaction: it seals the row log entries of the masters and periods written here.
  book.tx(() => {
    const cust = s.prepare(`INSERT INTO customer (code, name, name_key, tier, manager_id) VALUES (?, ?, ?, ?, ?)`);
    const emp = s.prepare(`INSERT INTO employee (code, name, name_key) VALUES (?, ?, ?)`);
    const employees = o.employees ?? 50;
    for (let i = 1; i <= employees; i++) emp.run(`E${i}`, `员工${i}`, `员工${i}`);
    for (let i = 1; i <= o.customers; i++) cust.run(`C${String(i).padStart(6, '0')}`, `客户${i}`, `客户${i}`, 'ABC'[i % 3]!, (i % employees) + 1);
    for (let m = 1; m <= 12; m++) s.prepare(`INSERT OR IGNORE INTO period (period, status) VALUES (?, 'open')`).run(`2026-${String(m).padStart(2, '0')}`);
    const v = s.prepare(`INSERT INTO voucher (period, number, date, status, memo, created_at, created_by, posted_at, posted_by) VALUES (?, ?, ?, 'posted', ?, 'x', 'bench', 'x', 'bench')`);
    const l = s.prepare(
      `INSERT INTO voucher_line (voucher_id, line_no, period, posted, account_code, debit_fen, credit_fen, memo, customer_id, employee_id)
       VALUES (?, ?, ?, 1, ?, ?, ?, ?, ?, ?)`,
    );
    const numbers = new Map<string, number>();
    // Vouchers of 4 lines: expense + revenue with their counterparts.
    for (let n = 0; n < o.lines / 4; n++) {
      const month = 1 + Math.floor((n * 12) / (o.lines / 4));
      const period = `2026-${String(month).padStart(2, '0')}`;
      const number = (numbers.get(period) ?? 0) + 1;
      numbers.set(period, number);
      const date = `${period}-${String(1 + Math.floor(r() * 28)).padStart(2, '0')}`;
      const id = Number(v.run(period, number, date, '基准凭证').lastInsertRowid);
      const customer = 1 + Math.floor(r() * o.customers);
      const employee = 1 + Math.floor(r() * employees);
      const cost = 100 + Math.floor(r() * 500_000);
      const revenue = 1_000 + Math.floor(r() * 2_000_000);
      const account = EXPENSE[Math.floor(r() * EXPENSE.length)]!;
      const direct = account.length === 8 && r() < 0.7 ? customer : null;
      const lines = [
        line(1, account, cost, 0, '费用', direct, employee),
        line(2, '2241', 0, cost, '应付报销款', null, employee),
        line(3, '1122', revenue, 0, '应收', customer, null),
        line(4, '5001', 0, revenue, '收入', customer, null),
      ];
      for (const x of lines) l.run(id, x.line_no, period, x.account_code, x.debit_fen, x.credit_fen, x.memo, x.customer_id, x.employee_id);
      const contentHash = voucherContentHash({ period, number, date, memo: '基准凭证' }, lines);
      appendAudit(s, { action: 'voucher.post', entity: 'voucher', entityId: id, user: 'bench', after: { period, number, date, lines: 4, contentHash } });
    }
  });
  s.pragma('optimize');
  return book;
}
