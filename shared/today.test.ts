// TZ is set before any Date is made: vitest runs each test file in its own process (pool
// 'forks'), and Node reads process.env.TZ when it is assigned.
import { afterAll, describe, expect, it } from 'vitest';
import { thisPeriodLocal, todayLocal } from './today';

const saved = process.env.TZ;
process.env.TZ = 'Asia/Shanghai';
afterAll(() => {
  process.env.TZ = saved;
});

describe('today in the user’s time zone', () => {
  it('is the 1st in Beijing at 07:30 on the 1st, while UTC is still last month', () => {
    const at = new Date('2026-03-01T07:30:00+08:00');
    // eslint-disable-next-line no-restricted-syntax -- shows the UTC date this helper replaces
    expect(at.toISOString().slice(0, 10)).toBe('2026-02-28'); // the bug this replaces
    expect(todayLocal(at)).toBe('2026-03-01');
    expect(thisPeriodLocal(at)).toBe('2026-03');
  });

  it('is the new year in Beijing at 07:30 on 1 January', () => {
    const at = new Date('2027-01-01T07:30:00+08:00');
    expect(thisPeriodLocal(at)).toBe('2027-01');
    expect(todayLocal(at)).toBe('2027-01-01');
  });

});
