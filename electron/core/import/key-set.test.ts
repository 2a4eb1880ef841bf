import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { KeySet } from './key-set';

describe('KeySet', () => {
  it('holds what was added, and nothing else, through many growths', () => {
    const set = new KeySet();
    const fp = (i: number) => createHash('sha1').update(String(i)).digest('base64');
    const n = 250_000;
    for (let i = 0; i < n; i++) set.add(fp(i));
    // Near misses too: invoice numbers one digit apart, the empty string, one character.
    for (let i = 0; i < 1000; i++) set.add(`2644${String(i).padStart(16, '0')}`);
    set.add('');
    set.add('a');
    set.add(fp(7)); // again: no second entry
    expect(set.size).toBe(n + 1002);
    for (let i = 0; i < n; i++) expect(set.has(fp(i))).toBe(true);
    let falsePositives = 0;
    for (let i = n; i < 2 * n; i++) if (set.has(fp(i))) falsePositives++;
    for (let i = 1000; i < 50_000; i++) if (set.has(`2644${String(i).padStart(16, '0')}`)) falsePositives++;
    expect(falsePositives).toBe(0);
    expect([set.has(''), set.has('a'), set.has('b'), set.has('２６４４')]).toEqual([true, true, false, false]);
  });
});
