import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fenToYuanNumber, formatFen, numberToFen, parseAmount } from './money';

const ok = (s: string) => {
  const r = parseAmount(s);
  if (!r.ok) throw new Error(`${s}: ${r.error}`);
  return r.fen;
};

describe('money', () => {
  it('fenToYuanNumber is the double the yuan text parses to, for any safe fen amount', () => {
    const same = (v: number) => Object.is(fenToYuanNumber(v), Number(formatFen(v, { grouping: false })));
    fc.assert(fc.property(fc.oneof(fc.integer({ min: -1e6, max: 1e6 }), fc.maxSafeInteger(), fc.integer({ min: -(2 ** 53) + 1, max: 2 ** 53 - 1 })), (v) => {
      expect(same(v)).toBe(true);
    }), { numRuns: 20_000 });
    for (const v of [0, -0, 1, -1, 5, -5, 10, 99, 100, 101, 12345, -12345, 2 ** 53 - 1, -(2 ** 53 - 1)]) expect(same(v)).toBe(true);
  });

  it('parses what people type, exactly', () => {
    expect(ok('1,234.5')).toBe(123450);
    expect(ok('￥1,234.50元')).toBe(123450);
    expect(ok('¥ 88')).toBe(8800);
    expect(ok('RMB 12.3')).toBe(1230);
    expect(ok('12.30 CNY')).toBe(1230);
    expect(ok('(123.00)')).toBe(-12300);
    expect(ok('-0.01')).toBe(-1);
    expect(ok('１２３．４５')).toBe(12345);
    expect(ok('１，２３４')).toBe(123400);
    expect(ok('.5')).toBe(50);
    expect(ok('1.005'.slice(0, 4))).toBe(100);
    expect(ok('2.500')).toBe(250);
  });

  it('refuses more than two decimals and junk, never rounding', () => {
    expect(parseAmount('1.005')).toEqual({ ok: false, error: 'too-many-decimals' });
    expect(parseAmount('12,34')).toEqual({ ok: false, error: 'not-a-number' });
    expect(parseAmount('abc')).toEqual({ ok: false, error: 'not-a-number' });
    expect(parseAmount('')).toEqual({ ok: false, error: 'empty' });
    expect(parseAmount('1.2.3')).toEqual({ ok: false, error: 'not-a-number' });
    expect(parseAmount('99999999999999')).toEqual({ ok: false, error: 'too-large' });
  });

  it('reads spreadsheet numbers through their decimal text', () => {
    expect(numberToFen(1.005)).toEqual({ ok: false, error: 'too-many-decimals' });
    expect(numberToFen(0.1 + 0.2)).toEqual({ ok: false, error: 'too-many-decimals' });
    expect(numberToFen(1234.5)).toEqual({ ok: true, fen: 123450 });
    expect(numberToFen(19.99)).toEqual({ ok: true, fen: 1999 });
  });

  it('round-trips every fen amount through its formatted text', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e13, max: 1e13 }), (n) => {
        expect(ok(formatFen(n))).toBe(n);
        expect(ok(formatFen(n, { grouping: false }))).toBe(n);
      }),
    );
  });

  it('reads any two-decimal number typed into a cell exactly', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e11, max: 1e11 }), (n) => {
        const asNumber = Number(formatFen(n, { grouping: false }));
        expect(numberToFen(asNumber)).toEqual({ ok: true, fen: n });
      }),
    );
  });
});
