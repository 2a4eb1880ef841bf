import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { voucherLineSchema } from '../contract/ledger';
import { describeIssues } from './validation';

const voucher = z.object({ date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD'), memo: z.string().max(5), lines: z.array(voucherLineSchema) });
const say = (locale: 'zh-CN' | 'en', payload: unknown) => describeIssues(locale, voucher.safeParse(payload).error!.issues, payload);

describe('validation issues in words', () => {
  it('names the row and the field in the UI language, never the path', () => {
    const p = { date: '2026-10-01', memo: '', lines: [{ account: '', debitFen: 100 }, { account: '99x', creditFen: 100 }] };
    expect(say('zh-CN', p)).toBe('第 1 行：科目不能为空；第 2 行：科目“99x”格式不正确，应为 4、6 或 8 位数字的科目编码');
    expect(say('en', p)).toBe('Line 1: account is required; Line 2: account "99x" has the wrong format; must be a 4-, 6- or 8-digit account code');
  });

  it('says the two-decimals rule for a fraction of a fen', () => {
    const p = { date: '2026-10-01', memo: '', lines: [{ account: '1002', debitFen: 123.4 }] };
    expect(say('zh-CN', p)).toBe('第 1 行：借方金额最多两位小数（金额精确到分，不会四舍五入）');
    expect(say('en', p)).toMatch(/^Line 1: debit amount has more than two decimals/);
  });

  it('covers dates, lengths and choices', () => {
    const p = { date: '2026/10/01', memo: '一二三四五六', lines: [] };
    expect(say('zh-CN', p)).toBe('日期“2026/10/01”格式不正确，应为 YYYY-MM-DD；摘要最多 5 个字符');
    const e = z.object({ standard: z.enum(['small', 'enterprise']) });
    expect(describeIssues('zh-CN', e.safeParse({ standard: 'x' }).error!.issues, { standard: 'x' })).toBe('会计准则应为以下之一：small、enterprise');
    expect(describeIssues('en', e.safeParse({}).error!.issues, {})).toBe('Accounting standard is required');
  });

  it('keeps a long list short', () => {
    const p = { date: 'x', memo: '', lines: Array.from({ length: 7 }, () => ({ account: '' })) };
    expect(say('zh-CN', p)).toMatch(/；另有 3 处$/);
  });
});
