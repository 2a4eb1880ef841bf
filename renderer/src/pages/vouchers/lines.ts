/** The voucher editor's line model: what the user typed, and its conversion to the contract. */
import type { VoucherDto } from '../../../../shared/contract/ledger';
import type { Req } from '../../../../shared/contract/index';
import type { LookupItem } from '../../../../shared/contract/masters';
import { formatFen, parseAmount } from '../../../../shared/money';
import type { PastedRow } from './paste';

export interface EditLine {
  key: number;
  account: string | null;
  accountLabel: string;
  memo: string;
  debit: string;
  credit: string;
  customerId: number | null;
  customerLabel: string;
  employeeId: number | null;
  employeeLabel: string;
  departmentId: number | null;
  departmentLabel: string;
  /** Kept from a loaded draft (claims and imports set it); the screen does not edit it. */
  categoryId: number | null;
}

let nextKey = 1;
export const blankLine = (memo = ''): EditLine => ({ key: nextKey++, account: null, accountLabel: '', memo, debit: '', credit: '', customerId: null, customerLabel: '', employeeId: null, employeeLabel: '', departmentId: null, departmentLabel: '', categoryId: null });

/** A line with neither account nor amount is left out (its memo may just be copied down). */
export const isBlank = (l: EditLine) => !l.account && !l.debit.trim() && !l.credit.trim();

/** Fen of an amount cell; null when empty; 'bad' when it is not an exact amount. */
export function cellFen(text: string): number | null | 'bad' {
  if (!text.trim()) return null;
  const r = parseAmount(text);
  return r.ok ? r.fen : 'bad';
}

/** Why an amount cell cannot be read: a third decimal has its own rule, told as such. */
export function badAmountKey(text: string): 'voucher.tooManyDecimals' | 'voucher.badAmount' {
  const r = parseAmount(text);
  return !r.ok && r.error === 'too-many-decimals' ? 'voucher.tooManyDecimals' : 'voucher.badAmount';
}

export function totals(lines: EditLine[]): { debit: number; credit: number } {
  let debit = 0;
  let credit = 0;
  for (const l of lines) {
    const d = cellFen(l.debit);
    const c = cellFen(l.credit);
    if (typeof d === 'number') debit += d;
    if (typeof c === 'number') credit += c;
  }
  return { debit, credit };
}

export function fromDto(v: VoucherDto): EditLine[] {
  return v.lines.map((l) => ({
    key: nextKey++,
    account: l.account,
    accountLabel: `${l.account} ${l.accountName}`,
    memo: l.memo,
    debit: l.debitFen ? formatFen(l.debitFen) : '',
    credit: l.creditFen ? formatFen(l.creditFen) : '',
    customerId: l.customerId,
    customerLabel: l.customerId ? (l.customerName ?? '') : '',
    employeeId: l.employeeId,
    employeeLabel: l.employeeId ? (l.employeeName ?? '') : '',
    departmentId: l.departmentId,
    departmentLabel: l.departmentId ? (l.departmentName ?? '') : '',
    categoryId: l.categoryId,
  }));
}

/** Lines for vouchers.save, or the 1-based line whose amount cannot be read. */
export function toRequest(lines: EditLine[]): { ok: true; lines: object[] } | { ok: false; line: number; text: string } {
  const out: object[] = [];
  for (const [i, l] of lines.filter((x) => !isBlank(x)).entries()) {
    const d = cellFen(l.debit);
    const c = cellFen(l.credit);
    if (d === 'bad') return { ok: false, line: i + 1, text: l.debit };
    if (c === 'bad') return { ok: false, line: i + 1, text: l.credit };
    out.push({
      account: l.account ?? '',
      ...(d !== null ? { debitFen: d } : {}),
      ...(c !== null ? { creditFen: c } : {}),
      // An empty line memo takes the voucher's (the core fills it in).
      ...(l.memo.trim() ? { memo: l.memo.trim() } : {}),
      customerId: l.customerId,
      employeeId: l.employeeId,
      departmentId: l.departmentId,
      categoryId: l.categoryId,
    });
  }
  return { ok: true, lines: out };
}

/** masters.lookup, through the page's data layer (queries.ts fetchApi). */
export type Lookup = (req: Req<'masters.lookup'>) => Promise<LookupItem[]>;

async function best(lookup: Lookup, kind: 'account' | 'customer' | 'employee', text: string): Promise<LookupItem | null> {
  if (!text.trim()) return null;
  const code = /^\d{4,8}\b/.exec(text.trim())?.[0];
  const found = await lookup({ kind, q: code ?? text.trim(), limit: 5, ...(kind === 'account' ? { leafOnly: true } : {}) });
  return found.find((f) => f.code === code) ?? found[0] ?? null;
}

/** Resolves pasted rows' account, customer and employee texts to masters (the best match each). */
export async function resolvePasted(rows: PastedRow[], lookup: Lookup): Promise<{ lines: EditLine[]; unknown: { line: number; text: string } | null }> {
  const lines: EditLine[] = [];
  for (const [i, r] of rows.entries()) {
    const [account, customer, employee] = await Promise.all([best(lookup, 'account', r.account), best(lookup, 'customer', r.customer), best(lookup, 'employee', r.employee)]);
    if (r.account && !account) return { lines, unknown: { line: i + 1, text: r.account } };
    lines.push({
      ...blankLine(r.memo),
      account: account ? String(account.id) : null,
      accountLabel: account ? `${account.code} ${account.name}` : '',
      debit: r.debitFen !== null ? formatFen(r.debitFen) : '',
      credit: r.creditFen !== null ? formatFen(r.creditFen) : '',
      customerId: customer ? Number(customer.id) : null,
      customerLabel: customer?.name ?? '',
      employeeId: employee ? Number(employee.id) : null,
      employeeLabel: employee?.name ?? '',
    });
  }
  return { lines, unknown: null };
}
