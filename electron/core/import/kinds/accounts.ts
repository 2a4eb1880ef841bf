/**
 * Chart-of-accounts rows: code (4-2-2), name, type, normal side, dimensions. The parent
 * is the code without its last two digits and must exist (in the book or higher up in the
 * file). An existing code with the same name is a duplicate; with another name, a reject.
 */
import { nameKey } from '../../../../shared/text';
import type { Book } from '../../book/book';
import { auditMasterBatch } from '../../masters/audit';
import type { Candidate, CommitCtx, KindHandler, RowParse, RowView } from '../kind';
import { cellText } from '../values';
import { fail } from './common';

type AccountType = 'asset' | 'liability' | 'equity' | 'cost' | 'revenue' | 'expense';
interface AccountRow {
  code: string;
  name: string;
  type: AccountType | null;
  side: 'debit' | 'credit' | null;
  dims: string;
}

const TYPES: Record<string, AccountType> = {
  资产: 'asset', 资产类: 'asset', asset: 'asset', assets: 'asset',
  负债: 'liability', 负债类: 'liability', liability: 'liability', liabilities: 'liability',
  权益: 'equity', 所有者权益: 'equity', 权益类: 'equity', equity: 'equity',
  成本: 'cost', 成本类: 'cost', cost: 'cost',
  收入: 'revenue', revenue: 'revenue', income: 'revenue',
  费用: 'expense', 损益: 'expense', 损益类: 'expense', expense: 'expense', expenses: 'expense',
};
const SIDES: Record<string, 'debit' | 'credit'> = { 借: 'debit', 借方: 'debit', debit: 'debit', dr: 'debit', 贷: 'credit', 贷方: 'credit', credit: 'credit', cr: 'credit' };
const DIMS: Record<string, string> = { 客户: 'customer', customer: 'customer', 员工: 'employee', 职员: 'employee', 个人: 'employee', employee: 'employee', 部门: 'department', department: 'department' };

function parse(row: RowView): RowParse<AccountRow> {
  const code = cellText(row.get('code')).normalize('NFKC').replace(/\s+/g, '');
  if (!/^\d{4}(\d{2}){0,2}$/.test(code)) return fail('import.reject.account.badCode', { code });
  const name = cellText(row.get('name'));
  if (!nameKey(name)) return fail('import.reject.name.missing');
  const typeText = nameKey(cellText(row.get('type')));
  const type = typeText ? TYPES[typeText] : null;
  if (type === undefined) return fail('import.reject.account.badType', { type: cellText(row.get('type')) });
  const sideText = nameKey(cellText(row.get('side')));
  const side = sideText ? SIDES[sideText] : null;
  if (side === undefined) return fail('import.reject.account.badSide', { side: cellText(row.get('side')) });
  const dims: string[] = [];
  for (const t of cellText(row.get('dims')).split(/[,，、;；/\s]+/).filter(Boolean)) {
    const d = DIMS[nameKey(t)];
    if (!d) return fail('import.reject.account.badDims', { dims: t });
    if (!dims.includes(d)) dims.push(d);
  }
  return { ok: true, value: { code, name: name.trim(), type, side, dims: dims.join(',') } };
}

export function accountsKind(book: Book): KindHandler<AccountRow> {
  const created: string[] = [];
  return {
    keepCells: false,
    parse,
    finish: (ctx) => auditMasterBatch(book, 'account', created, ctx.batchId),
    commit(items: Candidate<AccountRow>[], ctx: CommitCtx) {
      // Through Kysely although these run per row: a chart of accounts is hundreds of rows, not
      // the 200,000 of an expense sheet. book.db costs ~7 µs more per lookup and 10–15 µs more
      // per insert than a prepared statement (measured, run.ts): ~35 µs a row, 35 ms per 1,000 accounts.
      const get = (code: string) => book.db.first(book.q.selectFrom('account').select(['code', 'name', 'type']).where('code', '=', code));
      const used = (code: string) => book.db.first(book.q.selectFrom('voucher_line').select('id').where('account_code', '=', code).limit(1)) !== undefined;
      for (const c of items) {
        const v = c.value;
        const existing = get(v.code);
        if (existing) {
          if (nameKey(existing.name) === nameKey(v.name)) ctx.duplicate(c);
          else ctx.reject(c, 'import.reject.account.exists', { code: v.code, name: existing.name });
          continue;
        }
        const parentCode = v.code.length > 4 ? v.code.slice(0, -2) : null;
        const parent = parentCode ? get(parentCode) : undefined;
        if (parentCode && !parent) {
          ctx.reject(c, 'import.reject.account.noParent', { parent: parentCode });
          continue;
        }
        // A parent that already carries postings would stop being a leaf under them.
        if (parentCode && used(parentCode)) {
          ctx.reject(c, 'import.reject.account.parentUsed', { parent: parentCode });
          continue;
        }
        const type = v.type ?? parent?.type ?? null;
        if (!type) {
          ctx.reject(c, 'import.reject.account.badType', { type: '' });
          continue;
        }
        const side = v.side ?? (['asset', 'cost', 'expense'].includes(type) ? 'debit' : 'credit');
        book.db.run(book.q.insertInto('account').values({ code: v.code, name: v.name, parent_code: parentCode, type, normal_side: side, active: 1, dims: v.dims }));
        created.push(v.code);
        // Plain text, not a hash: undo reads the codes it created from here.
        ctx.remember(c, `account:${v.code}`, null);
        ctx.accept(c);
      }
    },
  };
}
