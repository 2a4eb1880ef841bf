/**
 * The fingerprints and invoice numbers an import has met in its own file, kept as 64-bit
 * hashes in one open-addressing table instead of a Set of strings: a 200,000-row sheet
 * then holds 4 MB here, not ~25 MB of strings and Set tables that also slowed every
 * garbage collection of the import. Two strings share a key with a chance of about
 * n² / 2^65 (10⁻⁹ for 200,000 rows); such a row would be reported as a duplicate, never
 * dropped silently. Each key can carry one 32-bit reference (run.ts: the sheet and row that
 * first had it), 4 bytes a slot, so a duplicate can name the row it repeats without a lookup
 * table of strings.
 */
export class KeySet {
  private hi = new Uint32Array(1 << 12);
  private lo = new Uint32Array(1 << 12);
  private refs = new Uint32Array(1 << 12);
  /** A slot is empty when hi and lo are both 0; a key that hashes to (0, 0) is stored as (0, 1). */
  private count = 0;

  get size(): number {
    return this.count;
  }

  has(s: string): boolean {
    const [h, l] = key(s);
    const mask = this.hi.length - 1;
    for (let i = (h ^ l) & mask; ; i = (i + 1) & mask) {
      if (this.hi[i] === h && this.lo[i] === l) return true;
      if (this.hi[i] === 0 && this.lo[i] === 0) return false;
    }
  }

  /** The reference stored with `s` when it was first added (0 when none was given), undefined when absent. */
  ref(s: string): number | undefined {
    const [h, l] = key(s);
    const mask = this.hi.length - 1;
    for (let i = (h ^ l) & mask; ; i = (i + 1) & mask) {
      if (this.hi[i] === h && this.lo[i] === l) return this.refs[i];
      if (this.hi[i] === 0 && this.lo[i] === 0) return undefined;
    }
  }

  /** Adds `s`; a key already present keeps its first reference. */
  add(s: string, ref = 0): void {
    if ((this.count + 1) * 2 > this.hi.length) this.grow();
    const [h, l] = key(s);
    if (this.put(h, l, ref)) this.count++;
  }

  private put(h: number, l: number, ref: number): boolean {
    const mask = this.hi.length - 1;
    for (let i = (h ^ l) & mask; ; i = (i + 1) & mask) {
      if (this.hi[i] === h && this.lo[i] === l) return false;
      if (this.hi[i] === 0 && this.lo[i] === 0) {
        this.hi[i] = h;
        this.lo[i] = l;
        this.refs[i] = ref;
        return true;
      }
    }
  }

  private grow(): void {
    const { hi, lo, refs } = this;
    this.hi = new Uint32Array(hi.length * 2);
    this.lo = new Uint32Array(lo.length * 2);
    this.refs = new Uint32Array(refs.length * 2);
    for (let i = 0; i < hi.length; i++) if (hi[i] !== 0 || lo[i] !== 0) this.put(hi[i]!, lo[i]!, refs[i]!);
  }
}

/** Two independent 32-bit FNV-1a-style hashes of the UTF-16 code units, with a final mix each. */
function key(s: string): [number, number] {
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ s.length;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x5bd1e995);
    b ^= b >>> 15;
  }
  a = fmix(a);
  b = fmix(b ^ 0x9e3779b9);
  return [a, a === 0 && b === 0 ? 1 : b];
}

/** murmur3's finalizer: every input bit reaches every output bit. */
function fmix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}
