/**
 * Customers and employees lists. A name already in the book is a duplicate (never
 * overwritten: changes to masters go through the masters screen, audited there). New
 * rows get their own code, or the next C0001 / E0001 when the code column is empty.
 */
import { cleanName, nameKey } from '../../../../shared/text';
import type { Book } from '../../book/book';
import type { Candidate, CommitCtx, KindHandler, RowParse, RowView } from '../kind';
import { cellText } from '../values';
import { fail } from './common';
import { parseRate } from '../../vat/rate';

interface PartyRow {
  name: string;
  code: string;
  tier: string;
  /** Customer: account manager; employee: approver. */
  person: string;
  department: string;
  /** Customer: contract VAT rate, whole percent (null: the book's). */
  ratePct: number | null;
}

function parseParty(row: RowView): RowParse<PartyRow> {
  const name = cleanName(cellText(row.get('name')));
  if (!nameKey(name)) return fail('import.reject.name.missing');
  const rateText = cellText(row.get('rate'));
  const rate = rateText ? parseRate(rateText) : null;
  if (rate && !rate.ok) return fail('import.reject.rate.invalid', { rate: rateText });
  return {
    ok: true,
    value: {
      name,
      code: cellText(row.get('code')).normalize('NFKC').replace(/\s+/g, ''),
      tier: cellText(row.get('tier')),
      person: cleanName(cellText(row.get('manager')) || cellText(row.get('approver'))),
      department: cellText(row.get('department')),
      ratePct: rate?.ok ? rate.pct : null,
    },
  };
}

/**
 * Per row of a list import (hundreds to a few thousand rows), so through Kysely, whose
 * statement book.db keeps prepared: the raw version prepared its statement again every row.
 */
function codeTaken(book: Book, table: 'customer' | 'employee', code: string): boolean {
  return code !== '' && book.db.first(book.q.selectFrom(table).select('id').where('code', '=', code)) !== undefined;
}

export function customersKind(book: Book): KindHandler<PartyRow> {
  return {
    keepCells: false,
    parse: parseParty,
    commit(items: Candidate<PartyRow>[], ctx: CommitCtx) {
      for (const c of items) {
        const v = c.value;
        if (ctx.masters.find('customer', v.name) !== null) {
          ctx.duplicate(c);
          continue;
        }
        if (codeTaken(book, 'customer', v.code)) {
          ctx.reject(c, 'import.reject.code.taken', { code: v.code });
          continue;
        }
        // A manager who is not in the book yet is created with the customer (and counted).
        const managerId = nameKey(v.person) ? ctx.masters.employee(v.person).id : null;
        const { id } = ctx.masters.customer(v.name, { ...(v.code ? { code: v.code } : {}), tier: v.tier, managerId });
        if (v.ratePct !== null) book.db.run(book.q.updateTable('customer').set({ vat_rate: v.ratePct }).where('id', '=', id));
        ctx.accept(c);
      }
    },
  };
}

export function employeesKind(book: Book): KindHandler<PartyRow> {
  const departments = new Map(
    book.db.all(book.q.selectFrom('department').select(['id', 'name_key'])).map((r) => [r.name_key, r.id]),
  );
  return {
    keepCells: false,
    whole: true,
    parse(row) {
      const r = parseParty(row);
      if (r.ok && nameKey(r.value.department) && !departments.has(nameKey(r.value.department))) {
        return fail('import.reject.department.unknown', { department: r.value.department });
      }
      return r;
    },
    commit(items: Candidate<PartyRow>[], ctx: CommitCtx) {
      // Approvers may appear further down the list: create everyone first, then link.
      const inFile = new Set(items.map((c) => nameKey(c.value.name)));
      const created: { id: number; approver: string }[] = [];
      for (const c of items) {
        const v = c.value;
        if (ctx.masters.find('employee', v.name) !== null) {
          ctx.duplicate(c);
          continue;
        }
        if (codeTaken(book, 'employee', v.code)) {
          ctx.reject(c, 'import.reject.code.taken', { code: v.code });
          continue;
        }
        if (nameKey(v.person) && !inFile.has(nameKey(v.person)) && ctx.masters.find('employee', v.person) === null) {
          ctx.reject(c, 'import.reject.approver.unknown', { name: v.person });
          continue;
        }
        const id = ctx.masters.employee(v.name, { ...(v.code ? { code: v.code } : {}), departmentId: departments.get(nameKey(v.department)) ?? null }).id;
        if (nameKey(v.person)) created.push({ id, approver: v.person });
        ctx.accept(c);
      }
      for (const e of created) {
        const approverId = ctx.masters.find('employee', e.approver);
        if (approverId !== null && approverId !== e.id) book.db.run(book.q.updateTable('employee').set({ approver_id: approverId }).where('id', '=', e.id));
      }
    },
  };
}
