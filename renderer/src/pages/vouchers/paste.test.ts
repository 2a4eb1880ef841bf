import { describe, expect, it } from 'vitest';
import { isMultiCell, parsePastedRows } from './paste';

describe('pasting voucher lines from Excel', () => {
  it('reads tab-separated rows, skipping a header and blank lines', () => {
    const text = '摘要\t科目\t借方\t贷方\t客户\n拜访蓝海\t56020101 拜访差旅\t1,234.50\t\t蓝海贸易\n\n付款\t1002\t\t1234.5\r\n';
    expect(parsePastedRows(text)).toEqual({
      ok: true,
      rows: [
        { account: '56020101 拜访差旅', memo: '拜访蓝海', debitFen: 123450, creditFen: null, customer: '蓝海贸易', employee: '' },
        { account: '1002', memo: '付款', debitFen: null, creditFen: 123450, customer: '', employee: '' },
      ],
    });
  });

  it('reports an amount it cannot read instead of guessing', () => {
    expect(parsePastedRows('x\t1002\t12.345\t')).toEqual({ ok: false, line: 1, text: '12.345' });
    expect(parsePastedRows('x\t1002\t12.34\t\ny\t3001\t\t12.3.4')).toEqual({ ok: false, line: 2, text: '12.3.4' });
  });

  it('leaves a single cell to the input', () => {
    expect(isMultiCell('1002')).toBe(false);
    expect(isMultiCell('1002\n')).toBe(false);
    expect(isMultiCell('1002\t银行')).toBe(true);
    expect(isMultiCell('a\nb')).toBe(true);
  });
});
