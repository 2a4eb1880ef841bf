import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatRatio, percentOf } from './percent';

describe('percentages', () => {
  it('computes shares of amounts in whole percents, half up', () => {
    expect(percentOf(80_000, 100_000)).toBe(80);
    expect(percentOf(99_994, 100_000)).toBe(100);
    expect(percentOf(99_949, 100_000)).toBe(100);
    expect(percentOf(99_449, 100_000)).toBe(99);
    expect(percentOf(1, 200)).toBe(1);
    expect(percentOf(0, 7)).toBe(0);
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1e12 }), fc.integer({ min: 1, max: 1e12 }), (part, whole) => {
        const p = percentOf(part, whole);
        // |p − 100·part/whole| ≤ ½, checked without division.
        expect(Math.abs(p * whole * 2 - part * 200)).toBeLessThanOrEqual(whole);
      }),
    );
  });

  it('formats ratios', () => {
    expect(formatRatio(0.2534)).toBe('25.3%');
    expect(formatRatio(0.2534, 2)).toBe('25.34%');
    expect(formatRatio(1.06)).toBe('106%');
    expect(formatRatio(-0.165)).toBe('-16.5%');
  });
});
