/**
 * The posting rules every voucher passes before it is written (docs/domain.md: Vouchers):
 * at least two lines, each on one side, leaf and active accounts, required dimensions,
 * Σdebit = Σcredit. Reversal vouchers carry negated amounts on the same sides.
 */
import { sql } from 'kysely';
import { UserError } from '../../../shared/errors';
import type { Book } from '../book/book';
import { builder } from '../db/query';
import type { VoucherWord } from '../../../shared/contract/vouchers';

export interface LineInput {
  account: string;
  debitFen?: number;
  creditFen?: number;
  memo?: string;
  customerId?: number | null;
  employeeId?: number | null;
  departmentId?: number | null;
  categoryId?: number | null;
}

export interface VoucherInput {
  date: string;
  memo?: string;
  /** 凭证字; default: the book's first (记), or for a generated voucher the cash rule (workflow.ts autoWord). */
  word?: VoucherWord;
  /** 附单据张数. */
  attachments?: number;
  lines: LineInput[];
  source?: { type: string; id: number };
}

export interface AccountFacts {
  name: string;
  active: boolean;
  leaf: boolean;
  dims: string[];
}

/**
 * The chart's facts for the rules, built and compiled once: bookVoucher asks for them per
 * voucher where its caller has no chart at hand (claims' postings), and building this
 * correlated NOT EXISTS through Kysely costs ~72 µs a call against ~140 µs to run it and
 * ~20 µs to prepare the raw text (measured, tsx, loaded machine), so the compiled query is
 * kept and db/query.ts keeps its statement.
 */
const FACTS_QUERY = builder
  .selectFrom('account as a')
  .select((eb) => ['a.code', 'a.name', 'a.active', 'a.dims', eb.not(eb.exists(eb.selectFrom('account as c').select(sql<number>`1`.as('one')).whereRef('c.parent_code', '=', 'a.code'))).$castTo<number>().as('leaf')]);
const FACTS_COMPILED = FACTS_QUERY.compile();
const factsQuery = { compile: () => FACTS_COMPILED };

/** The chart as the rules need it; cheap enough to load per action (a few hundred rows). */
export function accountFacts(book: Book): Map<string, AccountFacts> {
  const rows = book.db.all(factsQuery);
  return new Map(rows.map((r) => [r.code, { name: r.name, active: r.active === 1, leaf: r.leaf === 1, dims: r.dims ? r.dims.split(',') : [] }]));
}

const DIM_FIELD = { customer: 'customerId', employee: 'employeeId', department: 'departmentId' } as const;

export function checkVoucher(input: VoucherInput, accounts: Map<string, AccountFacts>, opts: { reversal?: boolean } = {}): void {
  if (input.lines.length < 2) throw new UserError('ledger.tooFewLines');
  // BigInt: past 2^53 a double sum can round two different totals to one and pass an unbalanced voucher (issue 16).
  let debit = 0n;
  let credit = 0n;
  input.lines.forEach((l, i) => {
    const line = i + 1;
    const d = l.debitFen ?? 0;
    const c = l.creditFen ?? 0;
    if (!Number.isSafeInteger(d) || !Number.isSafeInteger(c)) throw new UserError('ledger.amountNotFen', { line });
    if ((d === 0) === (c === 0)) throw new UserError('ledger.lineOneSide', { line });
    if (!opts.reversal && (d < 0 || c < 0)) throw new UserError('ledger.negativeAmount', { line });
    const a = accounts.get(l.account);
    if (!a) throw new UserError('ledger.unknownAccount', { line, account: l.account });
    if (!a.leaf) throw new UserError('ledger.notLeaf', { line, account: `${l.account} ${a.name}` });
    if (!a.active) throw new UserError('ledger.inactiveAccount', { line, account: `${l.account} ${a.name}` });
    for (const dim of a.dims) {
      const field = DIM_FIELD[dim as keyof typeof DIM_FIELD];
      if (field && !l[field]) throw new UserError('ledger.dimensionRequired', { line, account: `${l.account} ${a.name}`, dimension: dim });
    }
    debit += BigInt(d);
    credit += BigInt(c);
  });
  if (debit !== credit) throw new UserError('ledger.unbalanced', { debit: Number(debit), credit: Number(credit), difference: Number(debit - credit) });
}
