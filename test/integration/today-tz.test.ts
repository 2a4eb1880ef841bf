// "Today" in Beijing at 07:30 on the 1st, when UTC is still the last day of last month:
// a new book starts this month and the period list reaches this month. TZ is set before
// any Date is made (each test file runs in its own process).
import { join } from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createBook } from '../../electron/core/book/open';
import { listPeriods } from '../../electron/core/ledger/read';
import { tempDir } from '../support/temp';

const saved = process.env.TZ;
process.env.TZ = 'Asia/Shanghai';
afterAll(() => {
  process.env.TZ = saved;
});

const at0730 = new Date('2026-03-01T07:30:00+08:00'); // 2026-02-28T23:30Z

describe('today is the local date (Asia/Shanghai, 07:30 on the 1st)', () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(at0730);
  });
  afterEach(() => void vi.useRealTimers());

  it('starts a new book this month, and lists this month among its periods', () => {
    expect(new Date().toISOString().slice(0, 7)).toBe('2026-02'); // eslint-disable-line no-restricted-syntax -- the UTC month this test guards against
    const book = createBook({ path: join(tempDir(), 'tz.book'), company: '时区公司' });
    try {
      expect(book.meta('first_period')).toBe('2026-03');
      expect(listPeriods(book).map((p) => p.period)).toEqual(['2026-03']);
    } finally {
      book.close();
    }
  });
});
