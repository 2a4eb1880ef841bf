/**
 * Vouchers (记账凭证): draft → posted; posted vouchers never change, a correction is a
 * reversal (红字冲销: the same lines with negated amounts) plus a new voucher. Numbers
 * 记-0001… are assigned at posting, gapless per period, inside the posting transaction
 * (BEGIN IMMEDIATE), so two writers can never take the same number.
 * These functions expect to run inside book.tx (callers compose them into one action).
 */
import type { Selectable } from 'kysely';
import type { VoucherLineTable, VoucherTable } from '../db/schema/voucher';
import { createHash } from 'node:crypto';
import { UserError } from '../../../shared/errors';
import type { Book } from '../book/book';
import type { Sqlite } from '../db/sqlite';
import { writablePeriod } from './periods';
import { accountFacts, checkVoucher, type AccountFacts, type LineInput, type VoucherInput } from './voucher-rules';

export type { LineInput, VoucherInput } from './voucher-rules';

export const voucherNo = (n: number | null): string => (n === null ? '—' : `记-${String(n).padStart(4, '0')}`);

/** A line as read back for checks and the content hash (the columns `lines` selects). */
type LineRow = Omit<VoucherLineTable, 'id' | 'voucher_id' | 'period' | 'posted'>;

const statements = new WeakMap<Sqlite, ReturnType<typeof prepare>>();
function prepare(s: Sqlite) {
  return {
    voucher: s.prepare(
      `INSERT INTO voucher (period, number, date, status, memo, source_type, source_id, reverses_id, created_at, created_by)
       VALUES (?, NULL, ?, 'draft', ?, ?, ?, ?, ?, ?)`,
    ),
    line: s.prepare(
      `INSERT INTO voucher_line (voucher_id, line_no, period, posted, account_code, debit_fen, credit_fen, memo,
                                 customer_id, employee_id, department_id, category_id)
       VALUES (?, ?, ?, 0, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ),
    nextNumber: s.prepare(`SELECT COALESCE(MAX(number), 0) + 1 AS n FROM voucher WHERE period = ?`),
    post: s.prepare(`UPDATE voucher SET status = 'posted', number = ?, posted_at = ?, posted_by = ? WHERE id = ?`),
    postLines: s.prepare(`UPDATE voucher_line SET posted = 1 WHERE voucher_id = ?`),
    header: s.prepare(`SELECT id, period, number, date, status, memo, source_type, source_id, reverses_id FROM voucher WHERE id = ?`),
    lines: s.prepare(
      `SELECT line_no, account_code, debit_fen, credit_fen, memo, customer_id, employee_id, department_id, category_id
         FROM voucher_line WHERE voucher_id = ? ORDER BY line_no`,
    ),
  };
}
const st = (book: Book) => {
  let s = statements.get(book.sqlite);
  if (!s) statements.set(book.sqlite, (s = prepare(book.sqlite)));
  return s;
};

/** The columns `header` selects. */
export type VoucherHeader = Omit<Selectable<VoucherTable>, 'created_at' | 'created_by' | 'posted_at' | 'posted_by'>;

export function voucherHeader(book: Book, id: number): VoucherHeader {
  const h = st(book).header.get(id) as VoucherHeader | undefined;
  if (!h) throw new UserError('ledger.voucherNotFound', { id });
  return h;
}

export const voucherLines = (book: Book, id: number): LineRow[] => st(book).lines.all(id) as LineRow[];

/**
 * A digest of what a posted voucher says; the audit record of its posting keeps it and
 * `book check` recomputes it. The fields are named in a fixed order, so no SELECT's column
 * order can change it; the order is the one every existing book's hashes were taken with
 * (pinned by voucher-hash.test.ts) — never change it, or every posted voucher fails.
 */
export function voucherContentHash(h: Pick<VoucherHeader, 'period' | 'number' | 'date' | 'memo'>, lines: readonly LineRow[]): string {
  return voucherContentHashOfRows(h, lines.map((l) => HASH_LINE_FIELDS.map((f) => l[f])));
}

/** The line fields the content hash covers, in the recipe's fixed order. */
export const HASH_LINE_FIELDS = ['line_no', 'account_code', 'debit_fen', 'credit_fen', 'memo', 'customer_id', 'employee_id', 'department_id', 'category_id'] as const;

/** The same hash from lines already read as arrays of HASH_LINE_FIELDS (book check's one pass over voucher_line). */
export function voucherContentHashOfRows(h: Pick<VoucherHeader, 'period' | 'number' | 'date' | 'memo'>, rows: readonly (readonly unknown[])[]): string {
  const body = JSON.stringify([h.period, h.number, h.date, h.memo, rows]);
  return createHash('sha256').update(body).digest('hex');
}

/** Writes a draft after checking the rules. Returns its id. */
export function createDraft(book: Book, input: VoucherInput, opts: { accounts?: Map<string, AccountFacts>; reverses?: number } = {}): number {
  const period = writablePeriod(book, input.date);
  checkVoucher(input, opts.accounts ?? accountFacts(book), { reversal: opts.reverses !== undefined });
  const s = st(book);
  const id = Number(
    s.voucher.run(period, input.date, input.memo ?? '', input.source?.type ?? null, input.source?.id ?? null, opts.reverses ?? null, new Date().toISOString(), book.user).lastInsertRowid,
  );
  input.lines.forEach((l: LineInput, i) => {
    s.line.run(id, i + 1, period, l.account, l.debitFen ?? 0, l.creditFen ?? 0, l.memo ?? input.memo ?? '', l.customerId ?? null, l.employeeId ?? null, l.departmentId ?? null, l.categoryId ?? null);
  });
  return id;
}

/** Posts a draft: re-checks the rules, takes the next number of its period, audits the content. */
export function postDraft(book: Book, id: number, accounts?: Map<string, AccountFacts>): { id: number; number: number; period: string } {
  const h = voucherHeader(book, id);
  if (h.status === 'posted') throw new UserError('ledger.alreadyPosted', { voucher: `${h.period} ${voucherNo(h.number)}` });
  writablePeriod(book, h.date);
  const lines = voucherLines(book, id);
  checkVoucher(
    {
      date: h.date,
      lines: lines.map((l) => ({ account: l.account_code, debitFen: l.debit_fen, creditFen: l.credit_fen, customerId: l.customer_id, employeeId: l.employee_id, departmentId: l.department_id })),
    },
    accounts ?? accountFacts(book),
    { reversal: h.reverses_id !== null },
  );
  const s = st(book);
  const number = (s.nextNumber.get(h.period) as { n: number }).n;
  s.post.run(number, new Date().toISOString(), book.user, id);
  s.postLines.run(id);
  book.audit({
    action: 'voucher.post',
    entity: 'voucher',
    entityId: id,
    after: { period: h.period, number, date: h.date, lines: lines.length, contentHash: voucherContentHash({ ...h, number }, lines) },
  });
  return { id, number, period: h.period };
}

/** Creates and posts in one go: what imports, claims, schedules and allocations use. */
export function bookVoucher(book: Book, input: VoucherInput, accounts?: Map<string, AccountFacts>): { id: number; number: number; period: string } {
  const facts = accounts ?? accountFacts(book);
  return postDraft(book, createDraft(book, input, { accounts: facts }), facts);
}

/** 红字冲销: a posted voucher with the same lines, amounts negated, dated `date` (default: the original's). */
export function reverseVoucher(book: Book, id: number, date?: string): { id: number; number: number; period: string } {
  const h = voucherHeader(book, id);
  if (h.status !== 'posted') throw new UserError('ledger.reverseDraft');
  if (h.reverses_id !== null) throw new UserError('ledger.reverseReversal');
  const already = book.sqlite.prepare('SELECT 1 FROM voucher WHERE reverses_id = ?').get(id);
  if (already) throw new UserError('ledger.alreadyReversed', { voucher: `${h.period} ${voucherNo(h.number)}` });
  const lines = voucherLines(book, id);
  const facts = accountFacts(book);
  // Reversing needs the same accounts even if one was deactivated since.
  for (const l of lines) {
    const a = facts.get(l.account_code);
    if (a) facts.set(l.account_code, { ...a, active: true });
  }
  const draft = createDraft(
    book,
    {
      date: date ?? h.date,
      memo: `冲销 ${h.period} ${voucherNo(h.number)} ${h.memo}`.trim(),
      lines: lines.map((l) => ({
        account: l.account_code,
        debitFen: -l.debit_fen,
        creditFen: -l.credit_fen,
        memo: l.memo,
        customerId: l.customer_id,
        employeeId: l.employee_id,
        departmentId: l.department_id,
        categoryId: l.category_id,
      })),
      ...(h.source_type && h.source_id !== null ? { source: { type: h.source_type, id: h.source_id } } : {}),
    },
    { accounts: facts, reverses: id },
  );
  return postDraft(book, draft, facts);
}

export function deleteDraft(book: Book, id: number): void {
  const h = voucherHeader(book, id);
  if (h.status !== 'draft') throw new UserError('ledger.postedImmutable');
  book.sqlite.prepare('DELETE FROM voucher WHERE id = ?').run(id);
  book.audit({ action: 'voucher.deleteDraft', entity: 'voucher', entityId: id, before: { date: h.date, memo: h.memo } });
}
