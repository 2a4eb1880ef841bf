/**
 * Exact splits of an amount in fen (docs/domain.md: every split sums exactly to its source).
 * Largest remainder: each target gets floor(|amount| × weight / total); the fen left over
 * go one each to the largest remainders, ties to the earlier target (callers pass targets
 * sorted by customer code, so ties go by code). A negative amount is split as its absolute
 * value and negated, so a credit pool mirrors a debit pool fen for fen.
 * Integers only: Number while every product stays below 2^53; beyond that, exact products
 * in two doubles (quotientsExact) while the total stays below 2^48, BigInt past that.
 * An amount past 2^53 (a pool of many large lines, held exactly by a double) splits in BigInt;
 * a share no double holds is refused, typed (reports/exact.ts).
 */
import { exactFen } from '../reports/exact';

const SAFE = Number.MAX_SAFE_INTEGER;

export interface Split {
  amounts: number[];
  /** Σ weights: the share denominator. */
  total: bigint;
}

/**
 * Weights must be non-negative safe integers with a positive sum (callers check and name the
 * driver). `known` passes a weight list's already checked sum and maximum, so a thousand
 * pools sharing one driver do not re-check ten thousand weights each.
 */
export function largestRemainder(amount: number, weights: readonly number[], known?: { total: number; max: number }): Split {
  if (!Number.isInteger(amount)) throw new Error(`amount is not whole fen: ${amount}`);
  const n = weights.length;
  let total = known?.total ?? 0;
  let max = known?.max ?? 0;
  if (!known) {
    for (const w of weights) {
      if (!Number.isSafeInteger(w) || w < 0) throw new Error(`weight must be a non-negative integer: ${w}`);
      total += w;
      if (w > max) max = w;
    }
  }
  if (!Number.isSafeInteger(total) || !Number.isSafeInteger(amount)) return splitBig(amount, weights);
  if (total === 0) throw new Error('weights sum to zero');
  const abs = Math.abs(amount);
  const sign = amount < 0 ? -1 : 1;
  const floors = new Array<number>(n);
  const rems = scratch(n);
  let given = 0;
  if (abs * max <= SAFE - total) {
    // Profiled on the benchmark's 1,000 pools × 10,000 customers: `%` on doubles is a call
    // into C per share. Here the quotient is estimated in floating point and corrected:
    // p + t ≤ 2^53 keeps q·t and p − q·t exact, and the estimate is off by at most one.
    for (let i = 0; i < n; i++) {
      const p = abs * weights[i]!;
      let q = Math.floor(p / total);
      let r = p - q * total;
      if (r < 0) {
        q -= 1;
        r += total;
      } else if (r >= total) {
        q += 1;
        r -= total;
      }
      floors[i] = q;
      rems[i] = r;
      given += q;
    }
  } else if (abs * max <= SAFE) {
    for (let i = 0; i < n; i++) {
      const p = abs * weights[i]!;
      const r = p % total;
      floors[i] = (p - r) / total;
      rems[i] = r;
      given += floors[i]!;
    }
  } else if (abs <= SAFE && total <= DEKKER_MAX_TOTAL) {
    quotientsExact(abs, weights, total, floors, rems);
    for (let i = 0; i < n; i++) given += floors[i]!;
  } else {
    const a = BigInt(abs);
    const t = BigInt(total);
    for (let i = 0; i < n; i++) {
      const p = a * BigInt(weights[i]!);
      // Remainders are below total, itself a safe integer: Number holds them exactly.
      floors[i] = Number(p / t);
      rems[i] = Number(p % t);
      given += floors[i]!;
    }
  }
  distribute(floors, rems, total, abs - given);
  if (sign < 0) for (let i = 0; i < n; i++) floors[i] = -floors[i]! || 0;
  return { amounts: floors, total: BigInt(total) };
}

/**
 * Remainders and their buckets live only during one split: scratch arrays grown to the
 * largest pool and reused, instead of ~200 KB of garbage per pool of ten thousand (a third of
 * the benchmark's compute was the collector).
 */
const MAX_BUCKETS = 4096;
const countBuf = new Int32Array(MAX_BUCKETS);
let remBuf = new Float64Array(0);
let selBuf = new Float64Array(0);
let bucketBuf = new Uint16Array(0);
function scratch(n: number): Float64Array {
  if (remBuf.length < n) {
    remBuf = new Float64Array(n);
    selBuf = new Float64Array(n);
    bucketBuf = new Uint16Array(n);
  }
  return remBuf.subarray(0, n);
}

/**
 * Totals up to 2^48 take the two-double path: the remainder there is worked out as
 * a·w − q·t with q off by at most 2, so |r| < 3t must stay far below 2^53, and the
 * difference of the two rounded products is exact (Sterbenz) when a·w ≥ 2^53 > 6t.
 */
const DEKKER_MAX_TOTAL = 2 ** 48;
const SPLITTER = 134217729; // 2^27 + 1, Veltkamp's constant for binary64

/**
 * floor(a·w / t) and a·w mod t for every weight, exactly, without BigInt. Profiled on the
 * benchmark's 1,000 pools × 10,000 customers: the revenue-driven pools (products above
 * 2^53) spent most of the compute in BigInt multiply / divide / modulo, one allocation
 * each. Here each product a·w is an exact sum of two doubles (Dekker's TwoProduct with
 * Veltkamp's split; JavaScript numbers are IEEE binary64 rounding to nearest), the
 * quotient is estimated in floating point and corrected with the exact remainder. The
 * property test in split.test.ts checks it against BigInt.
 * See T. J. Dekker, "A floating-point technique for extending the available precision" (1971).
 */
function quotientsExact(a: number, weights: readonly number[], t: number, floors: number[], rems: Float64Array): void {
  const ca = SPLITTER * a;
  const ah = ca - (ca - a);
  const al = a - ah;
  const ct = SPLITTER * t;
  const th = ct - (ct - t);
  const tl = t - th;
  for (let i = 0; i < weights.length; i++) {
    const w = weights[i]!;
    const p = a * w;
    if (p <= SAFE) {
      const r = p % t;
      floors[i] = (p - r) / t;
      rems[i] = r;
      continue;
    }
    // a·w = p + pe exactly.
    const cw = SPLITTER * w;
    const wh = cw - (cw - w);
    const wl = w - wh;
    const pe = ah * wh - p + ah * wl + al * wh + al * wl;
    let q = Math.floor(p / t);
    // q·t = m + me exactly.
    const m = q * t;
    const cq = SPLITTER * q;
    const qh = cq - (cq - q);
    const ql = q - qh;
    const me = qh * th - m + qh * tl + ql * th + ql * tl;
    let r = p - m + (pe - me);
    while (r < 0) {
      q -= 1;
      r += t;
    }
    while (r >= t) {
      q += 1;
      r -= t;
    }
    floors[i] = q;
    rems[i] = r;
  }
}

/**
 * Gives one more fen to the `left` largest remainders; among equal remainders the earliest index wins.
 * Profiled on 1,000 pools × 10,000 customers, this was half the split: a quickselect over every
 * remainder and two passes whose branches the CPU cannot predict. Instead each remainder goes
 * to one of up to 4,096 buckets by its fraction r / total (floor of a product by a positive
 * constant never orders two remainders backwards), the buckets from the top hold the first
 * `left` fen, and only the one bucket the boundary falls in (a few remainders) is selected exactly.
 */
function distribute(floors: number[], rems: Float64Array, total: number, left: number): void {
  if (left <= 0) return;
  const n = rems.length;
  const buckets = Math.min(MAX_BUCKETS, n);
  const counts = countBuf.subarray(0, buckets);
  counts.fill(0);
  const bucketOf = bucketBuf.subarray(0, n);
  const scale = buckets / total;
  for (let i = 0; i < n; i++) {
    const b = Math.min(buckets - 1, Math.floor(rems[i]! * scale));
    bucketOf[i] = b;
    counts[b]! += 1;
  }
  // The boundary bucket: every remainder above it gets a fen, `need` of those in it do.
  let need = left;
  let edge = buckets - 1;
  while (counts[edge]! < need) {
    need -= counts[edge]!;
    edge--;
  }
  let m = 0;
  for (let i = 0; i < n; i++) if (bucketOf[i] === edge) selBuf[m++] = rems[i]!;
  const inEdge = selBuf.subarray(0, m);
  const threshold = kthSmallest(inEdge, m - need);
  let above = 0;
  for (let i = 0; i < m; i++) if (inEdge[i]! > threshold) above++;
  let atThreshold = need - above;
  for (let i = 0; i < n; i++) {
    const b = bucketOf[i]!;
    // Without a branch: half the targets get a fen, in no order a predictor could learn.
    floors[i]! += ((b > edge) as unknown as number) | 0;
    if (b !== edge) continue;
    const r = rems[i]!;
    if (r > threshold) floors[i]! += 1;
    else if (r === threshold && atThreshold > 0) {
      floors[i]! += 1;
      atThreshold--;
    }
  }
}

/** Quickselect (Hoare partition, middle pivot): the value that would sit at index k if a were sorted. Reorders a. */
export function kthSmallest(a: Float64Array, k: number): number {
  let lo = 0;
  let hi = a.length - 1;
  while (lo < hi) {
    const pivot = a[(lo + hi) >>> 1]!;
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (a[i]! < pivot) i++;
      while (a[j]! > pivot) j--;
      if (i <= j) {
        const t = a[i]!;
        a[i] = a[j]!;
        a[j] = t;
        i++;
        j--;
      }
    }
    if (k <= j) hi = j;
    else if (k >= i) lo = i;
    else return a[k]!;
  }
  return a[k]!;
}

/** The rare case of a weight total or an amount beyond 2^53: everything in BigInt. */
function splitBig(amount: number, weights: readonly number[]): Split {
  const abs = BigInt(Math.abs(amount));
  const t = weights.reduce((s, w) => s + BigInt(w), 0n);
  if (t === 0n) throw new Error('weights sum to zero');
  const floors: bigint[] = [];
  const rems: bigint[] = [];
  let given = 0n;
  for (const w of weights) {
    const p = abs * BigInt(w);
    floors.push(p / t);
    rems.push(p % t);
    given += p / t;
  }
  const order = rems.map((_, i) => i).sort((a, b) => (rems[a]! > rems[b]! ? -1 : rems[a]! < rems[b]! ? 1 : a - b));
  for (let k = 0; k < Number(abs - given); k++) floors[order[k]!]! += 1n;
  return { amounts: floors.map((f) => exactFen(amount < 0 ? -f : f, 'pool') || 0), total: t };
}

/** Splits by ratios (e.g. management-fee income over revenue accounts): same rule, same exactness. */
export const splitByRatio = (amount: number, ratios: readonly number[]): number[] => largestRemainder(amount, ratios).amounts;

/** Straight line over n periods in fen: equal parts, the last period takes the remainder. */
export function straightLine(total: number, n: number): number[] {
  if (!Number.isSafeInteger(total) || !Number.isSafeInteger(n) || n < 1) throw new Error('bad straight-line input');
  const each = Math.trunc(total / n);
  const out = new Array<number>(n).fill(each);
  out[n - 1] = total - each * (n - 1);
  return out;
}
