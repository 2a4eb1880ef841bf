/**
 * Expense lines → one submitted claim per employee per batch (default; a 费用报销单 form is
 * its own claim, with its 单据编号: form-scan.ts) or, `--as vouchers`,
 * one posted voucher per line: Dr the category's account (customer, employee, category) /
 * Cr 2241 其他应付款 (employee). Duplicates: an invoice number seen before, or the same
 * (date, employee, customer, category, amount, description) as an earlier imported line:
 * a line of an imported claim, or the import_line of a row imported as a voucher.
 */
import { hash } from 'node:crypto';
import { nameKey } from '../../../../shared/text';
import type { Book } from '../../book/book';
import { claimLineWriter, openClaim, type ClaimLineWriter, type OpenClaim } from '../../claims/create';
import { findUser } from '../../users/users';
import { listCategories } from '../../masters/categories';
import type { MasterResolver } from '../../masters/resolve';
import { bookVoucher } from '../../ledger/vouchers';
import { accountFacts } from '../../ledger/voucher-rules';
import type { PolicyLine } from '../../policy/evaluate';
import { importPolicy, type ImportPolicyCheck } from '../policy';
import { invoiceCheck } from '../invoice-check';
import { ledgerHasInvoices } from '../../invoices/match';
import { inputTax } from '../../vat/input';
import type { Candidate, CommitCtx, ImportOptions, KindHandler, RowParse, RowView } from '../kind';
import { cellText, invoiceText, isBlank, parseAmountValue, parseDateValue } from '../values';

export interface ExpenseRow {
  date: string;
  employee: string;
  department: string;
  customer: string;
  categoryId: number;
  categoryCode: string;
  description: string;
  invoiceNo: string | null;
  invoiceType: string;
  amountFen: number;
  taxFen: number;
}

interface CategoryRef {
  id: number;
  code: string;
  account: string;
}

/** A row's deductible input VAT (vat/input.ts); its note, if any, joins the summary's policy exceptions (nothing of its tax is deducted). */
function vatNoteCheck(book: Book): (v: ExpenseRow, account: string) => { taxFen: number; note: (c: Candidate<ExpenseRow>, ctx: CommitCtx) => void } {
  const vatOf = inputTax(book);
  return (v, account) => {
    const r = vatOf({ categoryCode: v.categoryCode, accountCode: account, invoiceType: v.invoiceType, invoiceNo: v.invoiceNo, amountFen: v.amountFen, statedTaxFen: v.taxFen });
    return { taxFen: r.taxFen, note: (c, ctx) => r.note && ctx.addPolicy(c, { rule: 'vat', action: 'warn', code: `vat.note.${r.note}`, params: {} }) };
  };
}

/** Active categories by the name key of their name, English name, code and synonyms. */
export function categoryLookup(book: Book): Map<string, CategoryRef> {
  const map = new Map<string, CategoryRef>();
  for (const c of listCategories(book)) {
    if (!c.active) continue;
    const ref = { id: c.id, code: c.code, account: c.accountCode };
    for (const n of [c.name, c.nameEn, c.code, ...c.synonyms]) {
      const key = nameKey(n);
      if (key && !map.has(key)) map.set(key, ref);
    }
  }
  return map;
}

/** Names repeat on every row (a dozen employees, a few dozen customers): fold each once. */
const keyCache = new Map<string, string>();
function cachedKey(s: string): string {
  let k = keyCache.get(s);
  if (k === undefined) {
    if (keyCache.size > 20_000) keyCache.clear();
    keyCache.set(s, (k = nameKey(s)));
  }
  return k;
}

export function expenseFingerprint(r: Pick<ExpenseRow, 'date' | 'employee' | 'customer' | 'categoryCode' | 'amountFen' | 'description'>): string {
  const body = ['e', r.date, cachedKey(r.employee), cachedKey(r.customer), r.categoryCode, r.amountFen, nameKey(r.description)].join('\u001f');
  // One-shot hash: no Hash object per row (the same digest as createHash, so stored fingerprints still match).
  return hash('sha1', body, 'base64');
}

export function expensesKind(book: Book, opts: ImportOptions): KindHandler<ExpenseRow> {
  const categories = categoryLookup(book);
  const accountOf = new Map([...categories.values()].map((c) => [c.id, c.account]));

  function parse(row: RowView): RowParse<ExpenseRow> {
    const date = parseDateValue(row.get('date'));
    if (!date.ok) return { ok: false, code: `import.reject.${date.reason}` as never };
    const amount = parseAmountValue(row.get('amount'));
    if (!amount.ok) return { ok: false, code: `import.reject.${amount.reason}` as never };
    if (amount.fen === 0) return { ok: false, code: 'import.reject.amount.zero' };
    if (amount.fen < 0) return { ok: false, code: 'import.reject.amount.negative' };
    let taxFen = 0;
    if (!isBlank(row.get('tax'))) {
      const tax = parseAmountValue(row.get('tax'));
      if (!tax.ok) return { ok: false, code: 'import.reject.tax.invalid' };
      if (tax.fen < 0 || tax.fen >= amount.fen) return { ok: false, code: 'import.reject.tax.invalid' };
      taxFen = tax.fen;
    }
    const employee = cellText(row.get('employee'));
    if (!cachedKey(employee)) return { ok: false, code: 'import.reject.employee.missing' };
    const catText = cellText(row.get('category'));
    if (!cachedKey(catText)) return { ok: false, code: 'import.reject.category.missing' };
    const category = categories.get(cachedKey(catText));
    if (!category) return { ok: false, code: 'import.reject.category.unknown', params: { category: catText } };
    return {
      ok: true,
      value: {
        date: date.date,
        employee,
        department: cellText(row.get('department')),
        customer: cellText(row.get('customer')),
        categoryId: category.id,
        categoryCode: category.code,
        description: cellText(row.get('description')),
        invoiceNo: invoiceText(row.get('invoice')),
        invoiceType: cellText(row.get('invoiceType')),
        amountFen: amount.fen,
        taxFen,
      },
    };
  }

  /** Duplicates (module comment): in the file or import_line (ctx), or among imported claim lines. */
  let importedEarlier: ((v: ExpenseRow) => { claim: number; line: number; batch: number } | null) | null = null;
  function isDuplicate(c: Candidate<ExpenseRow>, ctx: CommitCtx, fp: string): boolean {
    const inv = c.value.invoiceNo;
    importedEarlier ??= importedLineProbe(book, ctx.masters);
    if ((inv !== null && ctx.invoiceSeen(inv)) || ctx.seen(fp)) return true;
    const earlier = importedEarlier(c.value);
    if (earlier) ctx.repeats(earlier);
    return earlier !== null;
  }

  // Lines are checked against the policy and written as they come: one open claim per
  // employee (in order of first appearance), closed with its totals after the last chunk.
  let policy: ImportPolicyCheck | null = null;
  // Keyed by employee, or by form and employee: one form = one claim (issue 18).
  const claims = new Map<string, OpenClaim>();
  let lines: ClaimLineWriter | null = null;
  let departments: Map<string, number> | null = null;
  let facts: ReturnType<typeof accountFacts> | null = null;

  // Matching against the invoice ledger, once it holds invoices (otherwise every line would be "missing").
  let checkInvoice: ((v: ExpenseRow, c: Candidate<ExpenseRow>, ctx: CommitCtx) => void) | null | undefined;
  let vatNote: ReturnType<typeof vatNoteCheck> | null = null;
  function commitClaims(items: Candidate<ExpenseRow>[], ctx: CommitCtx): void {
    if (checkInvoice === undefined) checkInvoice = ledgerHasInvoices(book) ? invoiceCheck(book) : null;
    vatNote ??= vatNoteCheck(book);
    departments ??= departmentLookup(book);
    policy ??= importPolicy(book, ctx);
    for (const c of items) {
      const fp = expenseFingerprint(c.value);
      if (isDuplicate(c, ctx, fp)) {
        ctx.duplicate(c);
        continue;
      }
      const v = c.value;
      const departmentId = departments.get(cachedKey(v.department)) ?? null;
      const employeeId = ctx.masters.employee(v.employee, { departmentId }).id;
      const customerId = cachedKey(v.customer) ? ctx.masters.customer(v.customer).id : null;
      const line = { employeeId, date: v.date, categoryId: v.categoryId, customerId, departmentId, description: v.description, invoiceNo: v.invoiceNo, invoiceType: v.invoiceType, amountFen: v.amountFen, taxFen: v.taxFen };
      policy(line, c);
      checkInvoice?.(v, c, ctx);
      vatNote(v, accountOf.get(v.categoryId)!).note(c, ctx);
      const key = c.form ? `${c.form.key}\u001f${employeeId}` : String(employeeId);
      let claim = claims.get(key);
      lines ??= claimLineWriter(book, 5000);
      if (!claim) {
        const title = c.form ? `报销单 ${c.form.formNo || c.form.key}` : `导入批次 #${ctx.batchId}`;
        claims.set(key, (claim = openClaim(book, { employeeId, batchId: ctx.batchId, title, formNo: c.form?.formNo ?? null }, lines)));
      }
      claim.add(line);
      // The claim line is the record of this row: invoiceSeen and importedLineProbe look there.
      ctx.remember(c, fp, v.invoiceNo, false);
      ctx.accept(c, v.amountFen, v.categoryCode);
    }
  }

  function finishClaims(): void {
    for (const claim of claims.values()) submitImported(book, claim.close());
    claims.clear();
  }

  function commitVouchers(items: Candidate<ExpenseRow>[], ctx: CommitCtx): void {
    facts ??= accountFacts(book);
    policy ??= importPolicy(book, ctx);
    vatNote ??= vatNoteCheck(book);
    const payable = book.account('otherPayable');
    const inputVat = book.account('inputVat');
    for (const c of items) {
      const fp = expenseFingerprint(c.value);
      if (isDuplicate(c, ctx, fp)) {
        ctx.duplicate(c);
        continue;
      }
      const v = c.value;
      let line: PolicyLine | null = null;
      const vat = vatNote(v, accountOf.get(v.categoryId)!);
      const deductible = vat.taxFen;
      const ok = ctx.attempt(c, () => {
        const employeeId = ctx.masters.employee(v.employee).id;
        const customerId = nameKey(v.customer) ? ctx.masters.customer(v.customer).id : null;
        line = { date: v.date, categoryId: v.categoryId, customerId, employeeId, description: v.description, invoiceNo: v.invoiceNo, amountFen: v.amountFen, taxFen: v.taxFen };
        const memo = v.description || v.categoryCode;
        bookVoucher(
          book,
          {
            date: v.date,
            memo,
            source: { type: 'import', id: ctx.batchId },
            // Deductible VAT (by the invoice type: vat/input.ts) goes to 应交税费-进项税额; the expense carries the rest (docs/domain.md: standard entry 2).
            lines: [
              { account: accountOf.get(v.categoryId)!, debitFen: v.amountFen - deductible, memo, customerId, employeeId, categoryId: v.categoryId },
              ...(deductible > 0 ? [{ account: inputVat, debitFen: deductible, memo, employeeId }] : []),
              { account: payable, creditFen: v.amountFen, memo, employeeId, customerId },
            ],
          },
          facts!,
        );
      });
      if (ok) {
        // Only rows whose voucher was posted are judged (the evaluator's running totals must not see refused rows).
        policy(line!, c);
        vat.note(c, ctx);
        ctx.remember(c, fp, v.invoiceNo);
        ctx.accept(c, v.amountFen, v.categoryCode);
      }
    }
  }

  const vouchers = opts.as === 'vouchers';
  return {
    keepCells: vouchers,
    parse,
    commit: vouchers ? commitVouchers : commitClaims,
    ...(vouchers ? {} : { finish: finishClaims }),
  };
}

/**
 * An imported claim is submitted by the importing user (issue 4: one submitted claim per
 * employee per batch), recorded as submitClaim records it. No policy gate here: the import
 * summary lists each row's exceptions, and blocks still stop the approval.
 */
function submitImported(book: Book, claimId: number): void {
  const at = new Date().toISOString();
  const role = findUser(book, book.user)?.role ?? '';
  book.db.run(book.q.updateTable('claim').set({ status: 'submitted', submitted_at: at }).where('id', '=', claimId));
  book.db.run(book.q.insertInto('claim_step').values({ claim_id: claimId, step: 0, action: 'submit', role, user: book.user, at, comment: '导入' }));
  book.audit({ action: 'claim.submit', entity: 'claim', entityId: claimId, before: { status: 'draft' }, after: { status: 'submitted', via: 'import' } });
}

/**
 * Whether an earlier import wrote a claim line with this row's (date, employee, customer,
 * category, amount, description): one indexed lookup (ix_claim_line_category) per row, and
 * none at all while the book holds no imported claim. Names compare as the fingerprint
 * compares them (by name key: the masters are unique by it).
 */
type EarlierLine = { claim: number; line: number; batch: number };
function importedLineProbe(book: Book, masters: MasterResolver): (v: ExpenseRow) => EarlierLine | null {
  if (book.db.first(book.q.selectFrom('claim').select('id').where('batch_id', 'is not', null).limit(1)) === undefined) return () => null;
  // Raw SQL on purpose: one lookup per row of the sheet (200,000 in issue 19's import); through
  // book.q + book.db a lookup measured 7.6 µs against 0.25 µs prepared (1.5 s per 200,000 rows, run.ts).
  const lines = book.sqlite.prepare(
    `SELECT l.customer_id AS customerId, l.description, c.id AS claim, l.line_no AS line, c.batch_id AS batch FROM claim_line l JOIN claim c ON c.id = l.claim_id
      WHERE l.category_id = ? AND l.date = ? AND l.amount_fen = ? AND c.employee_id = ? AND c.batch_id IS NOT NULL`,
  );
  return (v) => {
    const employeeId = masters.find('employee', v.employee);
    if (employeeId === null) return null;
    const customerId = cachedKey(v.customer) ? masters.find('customer', v.customer) : null;
    if (customerId === null && cachedKey(v.customer)) return null;
    const description = nameKey(v.description);
    for (const l of lines.iterate(v.categoryId, v.date, v.amountFen, employeeId) as IterableIterator<{ customerId: number | null; description: string } & EarlierLine>) {
      if (l.customerId === customerId && nameKey(l.description) === description) return { claim: l.claim, line: l.line, batch: l.batch };
    }
    return null;
  };
}

function departmentLookup(book: Book): Map<string, number> {
  return new Map(book.db.all(book.q.selectFrom('department').select(['id', 'name_key'])).map((r) => [r.name_key, r.id]));
}
