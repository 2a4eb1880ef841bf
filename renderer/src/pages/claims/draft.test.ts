import { describe, expect, it } from 'vitest';
import { emptyLine, toCore } from './draft';

describe('claim editor lines → core lines', () => {
  it('parses amounts exactly to fen, drops blank rows and maps violations back to grid rows', () => {
    const lines = [
      { ...emptyLine('2026-03-01'), categoryId: 4, amount: '1,234.5', tax: '' },
      emptyLine('2026-03-02'),
      { ...emptyLine('2026-03-03'), categoryId: 1, amount: '￥0.10', tax: '0.01', invoiceNo: '  ' },
    ];
    const r = toCore(lines);
    expect(r).toEqual({
      ok: true,
      index: [0, 2],
      lines: [
        { date: '2026-03-01', categoryId: 4, customerId: null, description: '', invoiceNo: null, amountFen: 123450, taxFen: 0, receipt: false },
        { date: '2026-03-03', categoryId: 1, customerId: null, description: '', invoiceNo: null, amountFen: 10, taxFen: 1, receipt: false },
      ],
    });
  });

  it('refuses a third decimal and a line without a category, naming the row', () => {
    expect(toCore([{ ...emptyLine(), categoryId: 1, amount: '1.005' }])).toEqual({ ok: false, line: 1, text: '1.005' });
    expect(toCore([emptyLine(), { ...emptyLine(), amount: '10' }])).toMatchObject({ ok: false, line: 2, missingCategory: true });
  });
});
