import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { kthSmallest, largestRemainder, splitByRatio, straightLine } from './split';

/** The exact share as a rational, for checking each amount is within one fen of it. */
const within1 = (amount: number, w: number, total: number, got: number) => {
  const exact = BigInt(amount) * BigInt(w); // got*total should be within total of exact
  const diff = BigInt(got) * BigInt(total) - exact;
  return (diff < 0n ? -diff : diff) < BigInt(total);
};

describe('largestRemainder', () => {
  it('sums to the pool to the fen for random pools and drivers (also negative, also big)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -1e13, max: 1e13 }),
        fc.array(fc.integer({ min: 0, max: 1e12 }), { minLength: 1, maxLength: 60 }).filter((w) => w.some((x) => x > 0)),
        (amount, weights) => {
          const { amounts, total } = largestRemainder(amount, weights);
          expect(amounts.reduce((s, a) => s + a, 0)).toBe(amount);
          amounts.forEach((a, i) => {
            expect(Number.isSafeInteger(a)).toBe(true);
            expect(within1(amount, weights[i]!, Number(total), a)).toBe(true);
            if (weights[i] === 0) expect(a).toBe(0);
          });
        },
      ),
      { numRuns: 400 },
    );
  });

  it('gives exactly the BigInt floors and remainder fen when products pass 2^53 (the two-double path)', () => {
    // Amounts up to 2^53 and weight totals up to 2^48: the path that replaced BigInt for big products.
    const bigSplit = (amount: number, weights: number[]) => {
      const a = BigInt(amount);
      const t = weights.reduce((x, w) => x + BigInt(w), 0n);
      const floors = weights.map((w) => (a * BigInt(w)) / t);
      const rems = weights.map((w) => (a * BigInt(w)) % t);
      const order = rems.map((_, i) => i).sort((i, j) => (rems[j]! > rems[i]! ? 1 : rems[j]! < rems[i]! ? -1 : i - j));
      let left = Number(a - floors.reduce((x, y) => x + y, 0n));
      for (const i of order) if (left-- > 0) floors[i]! += 1n;
      return floors.map(Number);
    };
    fc.assert(
      fc.property(
        fc.oneof(fc.integer({ min: 1, max: Number.MAX_SAFE_INTEGER }), fc.integer({ min: 1e6, max: 1e10 })),
        fc.array(fc.oneof(fc.integer({ min: 0, max: 2 ** 46 }), fc.integer({ min: 0, max: 1e9 }), fc.constant(0)), { minLength: 1, maxLength: 40 }).filter((w) => w.some((x) => x > 0)),
        (amount, weights) => {
          expect(largestRemainder(amount, weights).amounts).toEqual(bigSplit(amount, weights));
          expect(largestRemainder(-amount, weights).amounts).toEqual(bigSplit(amount, weights).map((x) => -x || 0));
        },
      ),
      { numRuns: 3000 },
    );
  });

  it('agrees with the plain sort-based largest remainder on large pools with many ties (the bucketed pick)', () => {
    // Pools past the 4,096 buckets, weights from tiny ranges (many equal remainders) and wide ones.
    const plain = (amount: number, weights: number[]) => {
      const t = weights.reduce((x, w) => x + BigInt(w), 0n);
      const a = BigInt(amount);
      const floors = weights.map((w) => (a * BigInt(w)) / t);
      const rems = weights.map((w) => (a * BigInt(w)) % t);
      let left = Number(a - floors.reduce((x, y) => x + y, 0n));
      const order = rems.map((_, i) => i).sort((i, j) => (rems[j]! > rems[i]! ? 1 : rems[j]! < rems[i]! ? -1 : i - j));
      for (const i of order) if (left-- > 0) floors[i]! += 1n;
      return floors.map(Number);
    };
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 1e11 }),
        fc.integer({ min: 1, max: 9000 }),
        fc.oneof(fc.constant(1), fc.constant(3), fc.constant(1000), fc.constant(1e7)),
        fc.integer(),
        (amount, n, range, seed) => {
          let x = seed | 0;
          const weights = Array.from({ length: n }, () => ((x = (Math.imul(x, 1103515245) + 12345) | 0) >>> 0) % (range + 1));
          if (!weights.some((w) => w > 0)) weights[0] = 1;
          expect(largestRemainder(amount, weights).amounts).toEqual(plain(amount, weights));
        },
      ),
      { numRuns: 60 },
    );
  });

  it('splits a negative pool as the mirror of the positive one', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1e9 }), fc.array(fc.integer({ min: 1, max: 1e6 }), { minLength: 1, maxLength: 30 }), (amount, weights) => {
        const pos = largestRemainder(amount, weights).amounts;
        const neg = largestRemainder(-amount, weights).amounts;
        expect(neg).toEqual(pos.map((x) => (x === 0 ? 0 : -x)));
      }),
    );
  });

  it('gives a one-customer pool the whole amount', () => {
    fc.assert(fc.property(fc.integer({ min: -1e12, max: 1e12 }), fc.integer({ min: 1, max: 1e9 }), (amount, w) => {
      expect(largestRemainder(amount, [w]).amounts).toEqual([amount]);
    }));
  });

  it('breaks ties toward the earlier target (callers sort by customer code)', () => {
    // 100 fen over three equal weights: 33.33 each, the one leftover fen goes to the first.
    expect(largestRemainder(100, [1, 1, 1]).amounts).toEqual([34, 33, 33]);
    expect(largestRemainder(-100, [1, 1, 1]).amounts).toEqual([-34, -33, -33]);
    // 200 over three: two leftovers, to the first two.
    expect(largestRemainder(200, [1, 1, 1]).amounts).toEqual([67, 67, 66]);
    // A larger remainder beats an earlier position: 10 over weights 1,1,2 → 2.5, 2.5, 5.
    expect(largestRemainder(10, [1, 1, 2]).amounts).toEqual([3, 2, 5]);
    // 7 over 3,3,4 (/10): 2.1, 2.1, 2.8 → the third gets the leftover fen.
    expect(largestRemainder(7, [3, 3, 4]).amounts).toEqual([2, 2, 3]);
  });

  it('works beyond 2^53 weight totals', () => {
    const big = 2 ** 52;
    const r = largestRemainder(1001, [big, big, big]);
    expect(r.amounts).toEqual([334, 334, 333]);
    expect(r.total).toBe(3n * BigInt(big));
  });
});

describe('straightLine and ratios', () => {
  it('puts the remainder in the last period', () => {
    expect(straightLine(100000, 3)).toEqual([33333, 33333, 33334]);
    fc.assert(fc.property(fc.integer({ min: 1, max: 1e12 }), fc.integer({ min: 1, max: 600 }), (total, n) => {
      const parts = straightLine(total, n);
      expect(parts.reduce((s, p) => s + p, 0)).toBe(total);
      expect(new Set(parts.slice(0, -1)).size).toBeLessThanOrEqual(1);
    }));
  });

  it('splits by ratio exactly', () => {
    expect(splitByRatio(100001, [60, 40])).toEqual([60001, 40000]);
    expect(splitByRatio(1, [1, 1])).toEqual([1, 0]);
  });
});

describe('kthSmallest', () => {
  it('agrees with sorting', () => {
    fc.assert(fc.property(fc.array(fc.integer({ min: 0, max: 20 }), { minLength: 1, maxLength: 200 }), fc.nat(), (xs, k0) => {
      const k = k0 % xs.length;
      const sorted = [...xs].sort((a, b) => a - b);
      expect(kthSmallest(Float64Array.from(xs), k)).toBe(sorted[k]);
    }));
  });
});
