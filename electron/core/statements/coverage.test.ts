/**
 * The mapping tables against the chart: in a book of each standard, every first-level
 * account lands on exactly one (non-其中, non-total) line of the 资产负债表, and every P&L
 * account on exactly one line of the 利润表, unless the layout excludes it with a reason.
 * Then a real book with a balance on every first-level account must balance.
 */
import { describe, expect, it } from 'vitest';
import { addCustomer, addEmployee, testBook } from '../../../test/support/book';
import type { Standard } from '../accounts/default-chart';
import { bookVoucher } from '../ledger/vouchers';
import { balanceSheet, chartFacts, incomeStatement, layouts } from './compute';
import { evaluate } from './evaluate';

interface Acc { code: string; type: string; leaf: number }

function chart(book: ReturnType<typeof testBook>): Acc[] {
  return book.sqlite
    .prepare(`SELECT code, type, NOT EXISTS (SELECT 1 FROM account c WHERE c.parent_code = a.code) AS leaf FROM account a ORDER BY code`)
    .all() as Acc[];
}

const isPl = (a: Acc) => a.type === 'revenue' || a.type === 'expense';

describe.each<Standard>(['small', 'enterprise'])('%s: statement mappings cover the chart', (standard) => {
  it('each first-level account lands on exactly one line (or is excluded on purpose)', () => {
    const book = testBook({ standard });
    const facts = chartFacts(book);
    const accounts = chart(book);
    const { balanceSheet: bsLayout, incomeStatement: isLayout } = layouts[standard];
    const landings = (layout: typeof bsLayout, code: string) => {
      const leaf = accounts.find((a) => a.code.startsWith(code) && a.leaf)!.code;
      return evaluate(layout, [new Map([[leaf, 1n]])], facts)
        .filter((l) => l.def.kind !== 'detail' && l.def.kind !== 'total' && l.def.kind !== 'caption' && l.values[0] !== 0)
        .map((l) => l.def.line);
    };
    const firstLevel = accounts.filter((a) => a.code.length === 4);
    // 小企业会计准则's 66; 应用指南's general (non-financial) accounts with the 2017–2019 additions.
    expect(firstLevel.length).toBe(standard === 'small' ? 66 : 96);
    for (const a of firstLevel) {
      expect([a.code, landings(bsLayout, a.code).length], `${a.code} on the balance sheet`).toEqual([a.code, bsLayout.excluded?.[a.code] ? 0 : 1]);
      const onIs = isPl(a) && !isLayout.excluded?.[a.code] ? 1 : 0;
      expect([a.code, landings(isLayout, a.code).length], `${a.code} on the income statement`).toEqual([a.code, onIs]);
    }
  });

  it('a book with a balance on every first-level account balances, and 净利润 is the P&L accounts’ net', () => {
    const book = testBook({ standard });
    const dims = { customerId: addCustomer(book, 'C1', '客户'), employeeId: addEmployee(book, 'E1', '员工') };
    const accounts = chart(book);
    const cash = '1001';
    let fen = 1_000;
    let plNet = 0;
    for (const a of accounts.filter((x) => x.code.length === 4 && x.code !== cash)) {
      const leaf = accounts.find((x) => x.code.startsWith(a.code) && x.leaf)!.code;
      // Distinct amounts, alternating sides, so a missing or doubled account cannot cancel out.
      fen += 137;
      const debit = fen % 2 === 0;
      const lines = [
        { account: leaf, ...(debit ? { debitFen: fen } : { creditFen: fen }), ...dims },
        { account: cash, ...(debit ? { creditFen: fen } : { debitFen: fen }) },
      ];
      book.tx(() => bookVoucher(book, { date: '2026-03-15', memo: a.code, lines: lines as never }));
      if (isPl(a) && !layouts[standard].incomeStatement.excluded?.[a.code]) plNet += debit ? -fen : fen;
    }
    const bs = balanceSheet(book, '2026-03');
    expect(bs.balanced).toBe(true);
    expect(bs.totals.assets[0]).not.toBe(0);
    const is = incomeStatement(book, '2026-03', '2026-03');
    const net = is.lines.find((l) => l.def.line === (standard === 'small' ? 32 : 22))!;
    expect(net.values[0]).toBe(plNet);
  });
});
