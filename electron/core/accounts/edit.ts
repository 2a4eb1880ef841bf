/**
 * Chart maintenance: sub-accounts under a parent (4-2-2 codes), renames, required
 * dimensions, deactivation. A parent's balance lives on its leaves, so an account that
 * already has posted lines cannot get its first child: its balance would belong nowhere.
 */
import { selectAccounts, toAccountRow } from './queries';
import { UserError } from '../../../shared/errors';
import { formatFen } from '../../../shared/money';
import { PART_DIVISOR, partSum, yuanText } from '../reports/exact';
import { sql } from 'kysely';
import { cleanName } from '../../../shared/text';
import type { AccountRow } from '../../../shared/contract/accounts';
import type { Book } from '../book/book';
import { auditMaster, snapshot } from '../masters/audit';

function load(book: Book, code: string) {
  const r = book.db.first(selectAccounts(book).where('a.code', '=', code));
  if (!r) throw new UserError('masters.notFound', { entity: 'account', id: code });
  return r;
}

export const accountRow = (book: Book, code: string): AccountRow => toAccountRow(load(book, code));

function freeChildCode(book: Book, parent: string): string {
  const taken = new Set(book.db.all(book.q.selectFrom('account').select('code').where('parent_code', '=', parent)).map((r) => r.code));
  for (let n = 1; n <= 99; n++) {
    const code = `${parent}${String(n).padStart(2, '0')}`;
    if (!taken.has(code)) return code;
  }
  throw new UserError('masters.noFreeCode', { parent });
}

export function addSubAccount(book: Book, req: { parent: string; code?: string | undefined; name: string; dims?: string[] | undefined }): AccountRow {
  const parent = load(book, req.parent);
  if (parent.code.length >= 8) throw new UserError('masters.accountDepth', { parent: parent.code });
  if (parent.active !== 1) throw new UserError('masters.parentInactive', { parent: parent.code });
  const code = req.code ?? freeChildCode(book, parent.code);
  if (code.length !== parent.code.length + 2 || !code.startsWith(parent.code)) throw new UserError('masters.badSubCode', { code, parent: parent.code });
  if (book.db.first(book.q.selectFrom('account').select('code').where('code', '=', code))) throw new UserError('masters.codeTaken', { code });
  if (parent.leaf === 1) {
    const { n } = book.db.first(
      book.q.selectFrom('voucher_line').select((eb) => eb.fn.countAll<number>().as('n')).where('account_code', '=', parent.code).where('posted', '=', sql.lit(1)),
    )!;
    if (n > 0) throw new UserError('masters.parentHasPostings', { parent: `${parent.code} ${parent.name}`, count: n });
  }
  book.db.run(
    book.q.insertInto('account').values({
      code,
      name: cleanName(req.name),
      parent_code: parent.code,
      type: parent.type,
      normal_side: parent.normal_side,
      active: 1,
      dims: req.dims ? req.dims.join(',') : parent.dims,
    }),
  );
  auditMaster(book, 'account', 'create', code, undefined);
  // Categories booked to the parent follow it down to its first child: they must map to a leaf.
  if (parent.leaf === 1) {
    for (const c of book.db.all(book.q.selectFrom('category').select('id').where('account_code', '=', parent.code))) {
      const before = snapshot(book, 'category', c.id);
      book.db.run(book.q.updateTable('category').set({ account_code: code }).where('id', '=', c.id));
      auditMaster(book, 'category', 'remap', c.id, before, { reason: `first sub-account of ${parent.code}` });
    }
  }
  return accountRow(book, code);
}

export function updateAccount(book: Book, req: { code: string; name?: string | undefined; dims?: string[] | undefined }): AccountRow {
  const before = snapshot(book, 'account', req.code);
  if (!before) throw new UserError('masters.notFound', { entity: 'account', id: req.code });
  book.db.run(
    book.q
      .updateTable('account')
      .set((eb) => ({ name: req.name ? cleanName(req.name) : eb.ref('name'), dims: req.dims ? req.dims.join(',') : eb.ref('dims') }))
      .where('code', '=', req.code),
  );
  auditMaster(book, 'account', 'update', req.code, before);
  return accountRow(book, req.code);
}

/** Deactivating takes the sub-accounts along and needs a zero balance; activating needs an active parent. */
export function setAccountActive(book: Book, code: string, active: boolean): AccountRow {
  const a = load(book, code);
  if (active) {
    if (a.parent_code && load(book, a.parent_code).active !== 1) throw new UserError('masters.parentInactive', { parent: a.parent_code });
    const before = snapshot(book, 'account', code);
    book.db.run(book.q.updateTable('account').set({ active: 1 }).where('code', '=', code));
    auditMaster(book, 'account', 'activate', code, before);
    return accountRow(book, code);
  }
  const family = book.db
    .all(
      book.q
        .selectFrom('account')
        .select('code')
        .where((eb) => eb.or([eb('code', '=', code), eb.and([eb('code', 'like', `${code}%`), eb(eb.fn('length', ['code']), '>', code.length)])])),
    )
    .map((r) => r.code);
  // Summed in two parts (reports/exact.ts partSums): a family's balance can pass 2^63 fen, where SUM() alone throws.
  const parts = book.db.firstExact(
    book.q
      .selectFrom('ledger_total')
      .select([sql<number>`SUM((debit_fen - credit_fen) / ${sql.lit(PART_DIVISOR)})`.as('balance_q'), sql<number>`SUM((debit_fen - credit_fen) % ${sql.lit(PART_DIVISOR)})`.as('balance_r')])
      .where('account_code', 'in', family),
  )!;
  const balance = partSum(parts, 'balance');
  if (balance !== 0n) {
    const n = Number(balance);
    throw new UserError('masters.accountHasBalance', { account: `${a.code} ${a.name}`, balance: BigInt(n) === balance ? formatFen(n) : yuanText(balance) });
  }
  for (const c of family) {
    const before = snapshot(book, 'account', c);
    if (before?.active === 0) continue;
    book.db.run(book.q.updateTable('account').set({ active: 0 }).where('code', '=', c));
    auditMaster(book, 'account', 'deactivate', c, before);
  }
  return accountRow(book, code);
}
