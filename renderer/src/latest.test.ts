import { describe, expect, it } from 'vitest';
import { latestOnly } from './latest';

/** A promise settled by hand, to answer requests in any order. */
function deferred<T>() {
  let resolve!: (v: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

describe('latestOnly', () => {
  it('drops a reply that arrives after a newer request was made', async () => {
    const begin = latestOnly();
    const shown: string[] = [];
    const request = async (reply: Promise<string>) => {
      const current = begin();
      const v = await reply;
      if (current()) shown.push(v);
    };
    const slow = deferred<string>();
    const fast = deferred<string>();
    const a = request(slow.promise);
    const b = request(fast.promise);
    fast.resolve('newer');
    await b;
    slow.resolve('older');
    await a;
    expect(shown).toEqual(['newer']);
  });

  it('keeps each reply when requests do not overlap', async () => {
    const begin = latestOnly();
    const first = begin();
    expect(first()).toBe(true);
    const second = begin();
    expect([first(), second()]).toEqual([false, true]);
  });
});
