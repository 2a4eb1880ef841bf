/**
 * Reads an amount written in 大写 (the capital numerals of Chinese financial documents:
 * 壹仟贰佰叁拾肆元伍角整) to integer fen, as 合计（大写） rows of 费用报销单 forms state it.
 * The writer is fenToDaxie in shared/daxie.ts; this is only its reader. Strict: a text
 * that is not a well-formed amount is null, never a guess (a misread total would let a
 * wrong form through, or reject a right one).
 */

const DIGITS: Record<string, number> = { 零: 0, 〇: 0, 壹: 1, 贰: 2, 叁: 3, 肆: 4, 伍: 5, 陆: 6, 柒: 7, 捌: 8, 玖: 9 };
const SMALL: Record<string, number> = { 拾: 10, 佰: 100, 仟: 1000 };

/** 0 … 9999 from e.g. 贰仟零叁拾陆; null when malformed (units out of order, two digits in a row). */
function section(text: string): number | null {
  let total = 0;
  let digit: number | null = null;
  let lastUnit = 10_000;
  let zeroPending = false;
  for (const ch of text) {
    if (ch in DIGITS) {
      const d = DIGITS[ch]!;
      if (d === 0) {
        if (digit !== null) return null;
        zeroPending = true;
        continue;
      }
      if (digit !== null) return null;
      digit = d;
      continue;
    }
    const unit = SMALL[ch];
    if (unit === undefined || unit >= lastUnit) return null;
    // 拾元 = 10: a leading 拾 stands for 壹拾 (written so on cheques).
    if (digit === null && !(unit === 10 && total === 0 && !zeroPending)) return null;
    total += (digit ?? 1) * unit;
    digit = null;
    zeroPending = false;
    lastUnit = unit;
  }
  return total + (digit ?? 0);
}

/** The yuan part: sections joined by 亿 and 万 (壹亿贰仟万, 叁万零伍佰). */
function yuan(text: string): number | null {
  if (text === '') return null;
  let rest = text;
  let total = 0;
  for (const [mark, scale] of [['亿', 100_000_000], ['万', 10_000]] as const) {
    const at = rest.indexOf(mark);
    if (at < 0) continue;
    const head = section(rest.slice(0, at));
    if (head === null || head === 0) return null;
    total += head * scale;
    rest = rest.slice(at + 1);
  }
  if (rest === '') return total;
  const tail = section(rest);
  return tail === null ? null : total + tail;
}

/** 人民币壹仟贰佰叁拾肆元伍角整 → 123450; 伍角 → 50; 零元整 → 0; anything else → null. */
export function daxieToFen(input: string): number | null {
  const text = input
    .normalize('NFKC')
    .replace(/[\s:：]/g, '')
    .replace(/^(人民币|RMB|¥|￥)+/i, '')
    .replace(/圆/g, '元');
  const m = /^(?:(.*?)元)?(?:([零壹贰叁肆伍陆柒捌玖])角)?(?:零?([壹贰叁肆伍陆柒捌玖])分)?([整正])?$/.exec(text);
  if (!m || text === '' || /^[整正]$/.test(text)) return null;
  const [, whole, jiao, fen, zheng] = m;
  if (whole === undefined && jiao === undefined && fen === undefined) return null;
  // 整 closes an amount with no 分 (壹元整, 壹元伍角整); after 分 it is a slip tolerated in practice.
  if (zheng && whole === undefined && fen === undefined && jiao === undefined) return null;
  let yuanValue = 0;
  if (whole !== undefined) {
    // 零元伍角: a lone 零 before 元 is zero yuan; a trailing 零 (壹拾元零伍分 is read by the fen pattern).
    const w = whole.replace(/零$/, '');
    if (w === '' && whole !== '') yuanValue = 0;
    else {
      const v = yuan(w);
      if (v === null) return null;
      yuanValue = v;
    }
  }
  const value = yuanValue * 100 + (jiao ? DIGITS[jiao]! * 10 : 0) + (fen ? DIGITS[fen]! : 0);
  return Number.isSafeInteger(value) ? value : null;
}
