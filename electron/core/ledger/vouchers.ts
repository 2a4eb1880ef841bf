/**
 * Vouchers (记账凭证): 制单 (draft) → 审核 (reviewed, workflow.ts) → 记账 (posted); posted
 * vouchers never change, a correction is a reversal (红字冲销: the same lines with negated
 * amounts) plus a new voucher. Numbers are assigned at posting, inside the posting
 * transaction (BEGIN IMMEDIATE), so two writers can never take the same number: `number`
 * gapless per period (the posting sequence, 凭证序号) and `word_no` gapless per 凭证字 and
 * period (记-0001, 收-0001 …: what the accountant reads and prints).
 * These functions expect to run inside book.tx (callers compose them into one action).
 */
import { sql, type Selectable } from 'kysely';
import type { VoucherLineTable, VoucherTable } from '../db/schema/voucher';
import { UserError } from '../../../shared/errors';
import type { VoucherWord } from '../../../shared/contract/vouchers';
import type { Book } from '../book/book';
import { sha256Hex } from '../book/sha256';
import type { Sqlite } from '../db/sqlite';
import { writablePeriod } from './periods';
import { accountFacts, checkVoucher, type AccountFacts, type LineInput, type VoucherInput } from './voucher-rules';
import { CASH_SQL, checkAttachments, draftWord, voucherSettings } from './voucher-settings';

export type { LineInput, VoucherInput } from './voucher-rules';

/**
 * 凭证字号 as printed: 收-0003 (its 字 and its number within 字 and period, stampPosted); — for a
 * draft (numbers come at posting). The one place a voucher's label is formatted.
 */
export const voucherLabel = (word: string, wordNo: number | null): string => (wordNo === null ? '—' : `${word}-${String(wordNo).padStart(4, '0')}`);
/** A voucher as other records cite it (claims, allocation runs, messages): period and 凭证字号, 2026-10 转-0012. */
export const voucherCitation = (v: { period: string; word: string; word_no: number | null }): string => `${v.period} ${voucherLabel(v.word, v.word_no)}`;
/** The citation of voucher `id` as the book holds it now (renumbering, 凭证整理, changes it); null for none. */
export function voucherRef(book: Book, id: number | null): string | null {
  if (id === null) return null;
  const v = book.db.first(book.q.selectFrom('voucher').select(['period', 'word', 'word_no']).where('id', '=', id));
  return v ? voucherCitation(v) : null;
}

/** A line as read back for checks and the content hash (the columns `lines` selects). */
type LineRow = Omit<VoucherLineTable, 'id' | 'voucher_id' | 'period' | 'posted'>;

/** A voucher line as stored, from what was entered (a line without a memo takes the voucher's). */
export const lineRow = (input: VoucherInput, l: LineInput, i: number): LineRow => ({
  line_no: i + 1,
  account_code: l.account,
  debit_fen: l.debitFen ?? 0,
  credit_fen: l.creditFen ?? 0,
  memo: l.memo ?? input.memo ?? '',
  customer_id: l.customerId ?? null,
  employee_id: l.employeeId ?? null,
  department_id: l.departmentId ?? null,
  category_id: l.categoryId ?? null,
});

/**
 * Raw SQL on purpose: the posting path. These run once or more per voucher (the demo posts
 * ~1,100, an import one per row, 结转损益 and allocation runs theirs) and are prepared once
 * per connection here; through Kysely each would be compiled again every call: 6-9 µs per
 * statement measured (insert/select/update of voucher, tsx, loaded machine) × 6 per voucher,
 * ~10 % of a demo voucher's ~0.4 ms CPU, for no gain in typing these fixed texts.
 */
const statements = new WeakMap<Sqlite, ReturnType<typeof prepare>>();
function prepare(s: Sqlite) {
  return {
    voucher: s.prepare(
      `INSERT INTO voucher (period, number, date, status, memo, source_type, source_id, reverses_id, created_at, created_by, word, attachments)
       VALUES (?, NULL, ?, 'draft', ?, ?, ?, ?, ?, ?, ?, ?)`,
    ),
    line: s.prepare(
      `INSERT INTO voucher_line (voucher_id, line_no, period, posted, account_code, debit_fen, credit_fen, memo,
                                 customer_id, employee_id, department_id, category_id)
       VALUES (?, ?, ?, 0, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ),
    // A generated voucher's lines, already posted (bookVoucher), in one statement from a JSON array of
    // [account, debit, credit, memo, customer, employee, department, category] (SQLite's json_each and
    // ->>: https://sqlite.org/json1.html); tr_total_insert counts them into ledger_total.
    postedLines: s.prepare(
      `INSERT INTO voucher_line (voucher_id, line_no, period, posted, account_code, debit_fen, credit_fen, memo,
                                 customer_id, employee_id, department_id, category_id)
       SELECT ?, key + 1, ?, 1, value ->> 0, value ->> 1, value ->> 2, value ->> 3, value ->> 4, value ->> 5, value ->> 6, value ->> 7
         FROM json_each(?)`,
    ),
    // The next period sequence and 字号 in one step (was two statements per posting).
    nextNumbers: s.prepare(
      `SELECT (SELECT COALESCE(MAX(number), 0) + 1 FROM voucher WHERE period = ?) AS n,
              (SELECT COALESCE(MAX(word_no), 0) + 1 FROM voucher WHERE period = ? AND word = ?) AS w`,
    ),
    post: s.prepare(`UPDATE voucher SET status = 'posted', number = ?, word_no = ?, posted_at = ?, posted_by = ? WHERE id = ?`),
    // A generated voucher is reviewed by the action that made it, in the posting's own statement (workflow.ts).
    postGenerated: s.prepare(
      `UPDATE voucher SET status = 'posted', number = ?, word_no = ?, posted_at = ?, posted_by = ?, reviewed_at = ?, reviewed_by = ?, review_kind = 'generated' WHERE id = ?`,
    ),
    postLines: s.prepare(`UPDATE voucher_line SET posted = 1 WHERE voucher_id = ?`),
    header: s.prepare(
      `SELECT id, period, number, date, status, memo, source_type, source_id, reverses_id, word, word_no, attachments, created_by, reviewed_by, review_kind FROM voucher WHERE id = ?`,
    ),
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
export type VoucherHeader = Omit<Selectable<VoucherTable>, 'created_at' | 'posted_at' | 'posted_by' | 'reviewed_at'>;

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

function voucherContentHashOfRows(h: Pick<VoucherHeader, 'period' | 'number' | 'date' | 'memo'>, rows: readonly (readonly unknown[])[]): string {
  return sha256Hex(JSON.stringify([h.period, h.number, h.date, h.memo, rows]));
}

/**
 * SQL that builds, for the voucher row aliased `v`, the same text the content hash digests
 * (JSON.stringify of [period, number, date, memo, lines]), so `book check` hashes one string
 * per voucher instead of carrying a million lines' values into JavaScript (4 s of a 5 s pass).
 * SQLite's JSON writer is compact and escapes like JSON.stringify (voucher-hash.test.ts
 * pins quotes, backslashes, control and astral characters); still, a voucher whose SQL text
 * does not hash to its recorded digest is recomputed through voucherContentHash before it
 * counts as changed, so a spelling difference could only cost time, never a false finding.
 * ORDER BY inside an aggregate needs SQLite ≥ 3.44 (https://sqlite.org/lang_aggfunc.html).
 */
export const VOUCHER_CONTENT_SQL = `json_array(v.period, v.number, v.date, v.memo, json((SELECT json_group_array(json_array(${HASH_LINE_FIELDS.join(', ')}) ORDER BY line_no) FROM voucher_line WHERE voucher_id = v.id)))`;

/** Writes a draft after checking the rules. Returns its id. */
export function createDraft(book: Book, input: VoucherInput, opts: { accounts?: Map<string, AccountFacts>; reverses?: number } = {}): number {
  const { id, period, lines } = insertHeader(book, input, opts.accounts ?? accountFacts(book), opts.reverses);
  const s = st(book);
  for (const l of lines) s.line.run(id, l.line_no, period, l.account_code, l.debit_fen, l.credit_fen, l.memo, l.customer_id, l.employee_id, l.department_id, l.category_id);
  return id;
}

/** Checks a voucher and writes its header as a draft; returns the header as written and its lines as they will be stored (and hashed). */
function insertHeader(book: Book, input: VoucherInput, accounts: Map<string, AccountFacts>, reverses?: number): { id: number; period: string; header: VoucherHeader; lines: LineRow[] } {
  checkVoucher(input, accounts, { reversal: reverses !== undefined });
  const { id, period, header } = writeHeader(book, input, draftWord(book, input), reverses);
  const lines = input.lines.map((l, i) => lineRow(input, l, i));
  return { id, period, header, lines };
}

/**
 * Writes a voucher's header as a draft of `word` in the open period of its date; returns it
 * as `header` would read it back (no trigger rewrites an inserted voucher), so posting it
 * right away need not read it again.
 */
function writeHeader(book: Book, input: Omit<VoucherInput, 'lines'>, word: VoucherWord, reverses?: number): { id: number; period: string; header: VoucherHeader } {
  const period = writablePeriod(book, input.date);
  const attachments = checkAttachments(input.attachments);
  const memo = input.memo ?? '';
  const sourceType = input.source?.type ?? null;
  const sourceId = input.source?.id ?? null;
  const createdBy = book.user;
  const id = Number(st(book).voucher.run(period, input.date, memo, sourceType, sourceId, reverses ?? null, new Date().toISOString(), createdBy, word, attachments).lastInsertRowid);
  const header: VoucherHeader = {
    id,
    period,
    number: null,
    date: input.date,
    status: 'draft',
    memo,
    source_type: sourceType,
    source_id: sourceId,
    reverses_id: reverses ?? null,
    word,
    word_no: null,
    attachments,
    created_by: createdBy,
    reviewed_by: null,
    review_kind: null,
  };
  return { id, period, header };
}

/** What posting returns; `no` is the 凭证字号 as printed (记-0042, 转-0003), `cited` it with its period (voucherCitation). */
export interface PostedVoucher { id: number; number: number; period: string; no: string; cited: string }

/**
 * Posts (记账) a draft: re-checks the rules, takes the next numbers of its period and 字,
 * audits the content. A manual draft must be reviewed first where the book requires it;
 * a generated one (`generated`, from bookVoucher) is reviewed by the acting user's action.
 */
export function postDraft(book: Book, id: number, accounts?: Map<string, AccountFacts>, opts: { generated?: boolean } = {}): PostedVoucher {
  const h = voucherHeader(book, id);
  if (h.status === 'posted') throw new UserError('ledger.alreadyPosted', { voucher: voucherCitation(h) });
  const generated = opts.generated === true && h.reviewed_by === null;
  if (!generated && h.reviewed_by === null && voucherSettings(book).reviewRequired) throw new UserError('vouchers.notReviewed', { id });
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
  st(book).postLines.run(id);
  return stampPosted(book, h, lines, generated);
}

/**
 * Numbers a voucher whose lines are posted, marks it posted (reviewed by this action when
 * `generated`) and audits its content: the last step of every posting.
 */
function stampPosted(book: Book, h: VoucherHeader, lines: readonly LineRow[], generated: boolean): PostedVoucher {
  return stamp(book, h, lines.length, (number) => voucherContentHash({ ...h, number }, lines), generated);
}

/** stampPosted for `count` lines already posted whose content hash `hash` gives, once the voucher has its number. */
function stamp(book: Book, h: VoucherHeader, count: number, hash: (number: number) => string, generated: boolean): PostedVoucher {
  const s = st(book);
  const id = h.id;
  const { n: number, w: wordNo } = s.nextNumbers.get(h.period, h.period, h.word) as { n: number; w: number };
  const now = new Date().toISOString();
  if (generated) s.postGenerated.run(number, wordNo, now, book.user, now, book.user, id);
  else s.post.run(number, wordNo, now, book.user, id);
  // The stamp (字号, 附单据, maker, reviewer) is audited with the content, so `book check` sees it changed behind the app.
  const stamped = { word: h.word, wordNo, attachments: h.attachments, maker: h.created_by, reviewer: generated ? book.user : h.reviewed_by, reviewKind: generated ? 'generated' : h.review_kind };
  book.audit({
    action: 'voucher.post',
    entity: 'voucher',
    entityId: id,
    after: { period: h.period, number, date: h.date, lines: count, contentHash: hash(number), ...stamped },
  });
  return { id, number, period: h.period, no: voucherLabel(h.word, wordNo), cited: voucherCitation({ period: h.period, word: h.word, word_no: wordNo }) };
}

/**
 * Creates and posts in one go: what imports, claims, schedules, allocations and 结转损益 use.
 * The same rows, totals and audit record as createDraft + postDraft (vouchers.test.ts
 * compares them), but written once: the lines go in already posted, in one INSERT, instead
 * of one INSERT per line as a draft and an UPDATE that posts them. Each statement that fires
 * triggers opens its own statement journal, copying every page it touches; on the
 * 1,000,000-line benchmark book a month's 结转损益 (~18,000 lines) spent most of its time so.
 */
export function bookVoucher(book: Book, input: VoucherInput, accounts?: Map<string, AccountFacts>): PostedVoucher {
  const { id, period, header, lines } = insertHeader(book, input, accounts ?? accountFacts(book));
  const rows = lines.map((l) => [l.account_code, l.debit_fen, l.credit_fen, l.memo, l.customer_id, l.employee_id, l.department_id, l.category_id]);
  st(book).postedLines.run(id, period, JSON.stringify(rows));
  return stampPosted(book, header, lines, true);
}

/**
 * bookVoucher for lines a query computes, written by one INSERT … SELECT, so none passes
 * through JavaScript: 结转损益 posts one line per P&L account × dimensions, some 18,000 a
 * month on the 1,000,000-line benchmark book, where building, checking, JSON-encoding and
 * hashing them in JavaScript and decoding them again in SQLite (json_each) cost ~0.3 s CPU.
 * `linesSql` yields line_no (1, 2, … in line order), account_code, debit_fen, credit_fen, memo,
 * customer_id, employee_id, department_id, category_id; it may produce no row (null: nothing
 * is written). The rules a computed line can break are checked on the written lines, in SQL,
 * with the messages checkVoucher gives (unknown accounts are the foreign key's; lines move
 * balances already posted, so active and dimension rules, as for 结转损益, do not apply); the
 * content hash is taken over the text VOUCHER_CONTENT_SQL builds, the one `book check` reads
 * first. The lines must not touch cash or bank: their 字 is 记, or 转 where the book has no 记.
 */
export function bookVoucherFromQuery(book: Book, input: Omit<VoucherInput, 'lines'>, linesSql: string, args: readonly unknown[]): (PostedVoucher & { lines: number }) | null {
  const word = draftWord(book, { ...input, lines: [] });
  const { id, period, header } = writeHeader(book, input, word);
  // Raw SQL on purpose: the caller's lines arrive as SQL text (linesSql), which the builder cannot take apart.
  const written = book.sqlite
    .prepare(
      `INSERT INTO voucher_line (voucher_id, line_no, period, posted, account_code, debit_fen, credit_fen, memo, customer_id, employee_id, department_id, category_id)
       SELECT ?, line_no, ?, 1, account_code, debit_fen, credit_fen, memo, customer_id, employee_id, department_id, category_id FROM (${linesSql})`,
    )
    .run(id, period, ...args).changes;
  if (written === 0) {
    book.db.run(book.q.deleteFrom('voucher').where('id', '=', id));
    return null;
  }
  const c = book.db.first(
    book.q
      .selectFrom('voucher_line as l')
      .select([
        sql<number>`COUNT(*)`.as('n'),
        sql<number>`SUM(debit_fen)`.as('debit'),
        sql<number>`SUM(credit_fen)`.as('credit'),
        sql<number | null>`MIN(CASE WHEN debit_fen < 0 OR credit_fen < 0 THEN line_no END)`.as('negative'),
        sql<number | null>`MIN(CASE WHEN EXISTS (SELECT 1 FROM account c WHERE c.parent_code = l.account_code) THEN line_no END)`.as('notLeaf'),
        sql<number | null>`MIN(CASE WHEN ${sql.raw(CASH_SQL)} THEN line_no END)`.as('cash'),
      ])
      .where('l.voucher_id', '=', id),
  )!;
  if (c.n < 2) throw new UserError('ledger.tooFewLines');
  if (c.negative !== null) throw new UserError('ledger.negativeAmount', { line: c.negative });
  if (c.notLeaf !== null) {
    const a = book.db.first(
      book.q.selectFrom('voucher_line as l').innerJoin('account as a', 'a.code', 'l.account_code').select(['a.code', 'a.name']).where('l.voucher_id', '=', id).where('l.line_no', '=', c.notLeaf),
    )!;
    throw new UserError('ledger.notLeaf', { line: c.notLeaf, account: `${a.code} ${a.name}` });
  }
  if (c.debit !== c.credit) throw new UserError('ledger.unbalanced', { debit: c.debit, credit: c.credit, difference: c.debit - c.credit });
  if (c.cash !== null) throw new Error(`bookVoucherFromQuery: line ${c.cash} is on a cash or bank account, whose 字 the cash rule decides`);
  const content = () => book.db.first(book.q.selectFrom('voucher as v').select(sql<string>`${sql.raw(VOUCHER_CONTENT_SQL)}`.as('content')).where('v.id', '=', id))!.content;
  // The header as written: numbering reads only its period, 字 and stamp fields, which the lines do not change.
  const posted = stamp(book, header, c.n, () => sha256Hex(content()), true);
  return { ...posted, lines: c.n };
}

/** 红字冲销: a posted voucher with the same lines, amounts negated, dated `date` (default: the original's). */
export function reverseVoucher(book: Book, id: number, date?: string): PostedVoucher {
  const h = voucherHeader(book, id);
  if (h.status !== 'posted') throw new UserError('ledger.reverseDraft');
  if (h.reverses_id !== null) throw new UserError('ledger.reverseReversal');
  const already = book.db.first(book.q.selectFrom('voucher').select('id').where('reverses_id', '=', id));
  if (already) throw new UserError('ledger.alreadyReversed', { voucher: voucherCitation(h) });
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
      word: h.word,
      memo: `冲销 ${voucherCitation(h)} ${h.memo}`.trim(),
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
  // The reversal is the accountant's own correction of a posted voucher: their action reviews it (workflow.ts).
  return postDraft(book, draft, facts, { generated: true });
}

export function deleteDraft(book: Book, id: number): void {
  const h = voucherHeader(book, id);
  if (h.status !== 'draft') throw new UserError('ledger.postedImmutable');
  if (h.reviewed_by !== null) throw new UserError('vouchers.reviewedFrozen');
  book.db.run(book.q.deleteFrom('voucher').where('id', '=', id));
  book.audit({ action: 'voucher.deleteDraft', entity: 'voucher', entityId: id, before: { date: h.date, memo: h.memo } });
}
