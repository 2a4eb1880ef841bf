import { describe, expect, it } from 'vitest';
import { daxieToFen } from './daxie-parse';

describe('daxieToFen', () => {
  // Hand-written: each written out as a cashier writes it on a form.
  it.each([
    ['壹仟贰佰叁拾肆元伍角整', 123450],
    ['壹仟柒佰贰拾元陆角', 172060],
    ['贰仟零叁拾陆元贰角柒分', 203627],
    ['柒佰玖拾捌元玖角捌分', 79898],
    ['陆仟叁佰肆拾肆元整', 634400],
    ['陆佰伍拾贰元零陆分', 65206],
    ['人民币壹万零伍元整', 1000500],
    ['叁万零伍佰元整', 3050000],
    ['壹拾元零伍分', 1005],
    ['拾元整', 1000],
    ['伍角', 50],
    ['零元伍角', 50],
    ['零元整', 0],
    ['壹亿贰仟万元整', 12000000000],
    ['壹佰万圆整', 100000000],
    ['￥ 壹元整', 100],
  ])('%s is %i fen', (text, fen) => {
    expect(daxieToFen(text)).toBe(fen);
  });

  it.each(['', '整', '元整', '壹贰元', '壹佰壹仟元', '壹仟佰元', '1234.50', '壹元伍', '伍角陆角', '合计', '壹万万元'])('%s is not an amount', (text) => {
    expect(daxieToFen(text)).toBeNull();
  });
});
