/**
 * Chart maintenance: sub-accounts under a parent (4-2-2 codes), renames, required
 * dimensions, deactivation. A parent's balance lives on its leaves, so an account that
 * already has posted lines cannot get its first child: its balance would belong nowhere.
 */
import { toAccountRow } from '../accounts/queries';
import { UserError } from '../../../shared/errors';
import { formatFen } from '../../../shared/money';
import { cleanName } from '../../../shared/text';
import type { AccountRow } from '../../../shared/contract/accounts';
import type { Book } from '../book/book';
import { auditMaster, snapshot } from './audit';

interface AccountDb {
  code: string;
  name: string;
  parent_code: string | null;
  type: AccountRow['type'];
  normal_side: AccountRow['normalSide'];
  active: number;
  dims: string;
  leaf: number;
}

function load(book: Book, code: string): AccountDb {
  const r = book.sqlite
    .prepare(`SELECT a.*, NOT EXISTS (SELECT 1 FROM account c WHERE c.parent_code = a.code) AS leaf FROM account a WHERE a.code = ?`)
    .get(code) as AccountDb | undefined;
  if (!r) throw new UserError('masters.notFound', { entity: 'account', id: code });
  return r;
}

export const accountRow = (book: Book, code: string): AccountRow => toAccountRow(load(book, code));

function freeChildCode(book: Book, parent: string): string {
  const taken = new Set((book.sqlite.prepare(`SELECT code FROM account WHERE parent_code = ?`).all(parent) as { code: string }[]).map((r) => r.code));
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
  if (book.sqlite.prepare(`SELECT 1 FROM account WHERE code = ?`).get(code)) throw new UserError('masters.codeTaken', { code });
  if (parent.leaf === 1) {
    const { n } = book.sqlite.prepare(`SELECT COUNT(*) AS n FROM voucher_line WHERE account_code = ? AND posted = 1`).get(parent.code) as { n: number };
    if (n > 0) throw new UserError('masters.parentHasPostings', { parent: `${parent.code} ${parent.name}`, count: n });
  }
  book.sqlite
    .prepare(`INSERT INTO account (code, name, parent_code, type, normal_side, active, dims) VALUES (?, ?, ?, ?, ?, 1, ?)`)
    .run(code, cleanName(req.name), parent.code, parent.type, parent.normal_side, req.dims ? req.dims.join(',') : parent.dims);
  auditMaster(book, 'account', 'create', code, undefined);
  // Categories booked to the parent follow it down to its first child: they must map to a leaf.
  if (parent.leaf === 1) {
    for (const c of book.sqlite.prepare(`SELECT id FROM category WHERE account_code = ?`).all(parent.code) as { id: number }[]) {
      const before = snapshot(book, 'category', c.id);
      book.sqlite.prepare(`UPDATE category SET account_code = ? WHERE id = ?`).run(code, c.id);
      auditMaster(book, 'category', 'remap', c.id, before, { reason: `first sub-account of ${parent.code}` });
    }
  }
  return accountRow(book, code);
}

export function updateAccount(book: Book, req: { code: string; name?: string | undefined; dims?: string[] | undefined }): AccountRow {
  const before = snapshot(book, 'account', req.code);
  if (!before) throw new UserError('masters.notFound', { entity: 'account', id: req.code });
  book.sqlite
    .prepare(`UPDATE account SET name = COALESCE(?, name), dims = COALESCE(?, dims) WHERE code = ?`)
    .run(req.name ? cleanName(req.name) : null, req.dims ? req.dims.join(',') : null, req.code);
  auditMaster(book, 'account', 'update', req.code, before);
  return accountRow(book, req.code);
}

/** Deactivating takes the sub-accounts along and needs a zero balance; activating needs an active parent. */
export function setAccountActive(book: Book, code: string, active: boolean): AccountRow {
  const a = load(book, code);
  if (active) {
    if (a.parent_code && load(book, a.parent_code).active !== 1) throw new UserError('masters.parentInactive', { parent: a.parent_code });
    const before = snapshot(book, 'account', code);
    book.sqlite.prepare(`UPDATE account SET active = 1 WHERE code = ?`).run(code);
    auditMaster(book, 'account', 'activate', code, before);
    return accountRow(book, code);
  }
  const family = (book.sqlite.prepare(`SELECT code FROM account WHERE code = ? OR (code LIKE ? AND length(code) > ?)`).all(code, `${code}%`, code.length) as { code: string }[]).map((r) => r.code);
  const { balance } = book.sqlite
    .prepare(`SELECT COALESCE(SUM(debit_fen - credit_fen), 0) AS balance FROM ledger_total WHERE account_code IN (${family.map(() => '?').join(',')})`)
    .get(...family) as { balance: number };
  if (balance !== 0) throw new UserError('masters.accountHasBalance', { account: `${a.code} ${a.name}`, balance: formatFen(balance) });
  for (const c of family) {
    const before = snapshot(book, 'account', c);
    if (before?.active === 0) continue;
    book.sqlite.prepare(`UPDATE account SET active = 0 WHERE code = ?`).run(c);
    auditMaster(book, 'account', 'deactivate', c, before);
  }
  return accountRow(book, code);
}
