import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { safeFileName } from './file-name';

describe('safe file names', () => {
  it('keeps ordinary Chinese and English names', () => {
    expect(safeFileName('客户管理费用 2026-10_2026-10.xlsx')).toBe('客户管理费用 2026-10_2026-10.xlsx');
    expect(safeFileName('蓝海贸易（上海）有限公司-2026-11-25.book')).toBe('蓝海贸易（上海）有限公司-2026-11-25.book');
  });

  it('removes separators, forbidden and control characters, reserved names and trailing dots', () => {
    expect(safeFileName('../../etc/passwd')).toBe('_.._etc_passwd');
    expect(safeFileName('a<b>c:d"e|f?g*h.xlsx')).toBe('a_b_c_d_e_f_g_h.xlsx');
    expect(safeFileName('CON.xlsx')).toBe('_CON.xlsx');
    expect(safeFileName('report. . ')).toBe('report');
    expect(safeFileName('\u0000\u0007.xlsx')).toBe('__.xlsx');
    expect(safeFileName('')).toBe('export');
  });

  it('never yields a path, an empty name or more than 150 characters', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 400 }), (s) => {
        const n = safeFileName(s);
        expect(n.length).toBeGreaterThan(0);
        expect([...n].length).toBeLessThanOrEqual(150);
        // eslint-disable-next-line no-control-regex
        expect(n).not.toMatch(/[\\/<>:"|?*\u0000-\u001f]/);
        expect(n).not.toMatch(/^\.|[. ]$/);
      }),
    );
  });
});
