/**
 * 大写金额: an amount of fen in the Chinese financial capitals written on vouchers, cheques
 * and 报销单 (壹仟贰佰叁拾肆元伍角整). Rules of 《支付结算办法》附件一 (正确填写票据和结算凭证的基本规定):
 * - one 零 stands for a run of zeros inside the number (¥1,409.50 壹仟肆佰零玖元伍角);
 * - 角 zero with 分 non-zero writes 零 after 元 (¥16,409.02 壹万陆仟肆佰零玖元零贰分);
 * - where 元 or 万 is zero but the next digit is not, the 零 is optional: we leave it out
 *   (¥1,680.32 壹仟陆佰捌拾元叁角贰分, ¥107,000.53 壹拾万柒仟元伍角叁分), as the rules allow;
 * - 整 after 元 or 角, never after 分; 拾 is always written 壹拾 when it leads;
 * - no 零元 before a fraction (¥0.50 伍角整); zero is 零元整; a negative amount (红字) starts with 负.
 * The parser of written amounts lives beside this file (another module); both agree on these rules.
 */
const DIGITS = '零壹贰叁肆伍陆柒捌玖';
const SMALL = ['', '拾', '佰', '仟'];
const BIG = ['', '万', '亿', '万亿'];

/** One group of four digits (0..9999) without its 万/亿 unit; leading zeros are left to the caller. */
function group(n: number): string {
  let out = '';
  let zero = false;
  for (let pos = 3; pos >= 0; pos--) {
    const d = Math.floor(n / 10 ** pos) % 10;
    if (d === 0) {
      zero = out !== '';
      continue;
    }
    if (zero) out += '零';
    zero = false;
    out += DIGITS[d]! + SMALL[pos]!;
  }
  return out;
}

/** The integer yuan in capitals, without 元 ('' for 0). */
function yuanText(yuan: number): string {
  const groups: number[] = [];
  for (let rest = yuan; rest > 0; rest = Math.floor(rest / 10000)) groups.push(rest % 10000);
  let out = '';
  let pendingZero = false;
  for (let i = groups.length - 1; i >= 0; i--) {
    const g = groups[i]!;
    if (g === 0) {
      pendingZero = out !== '';
      continue;
    }
    // A zero between two written groups (壹亿零伍拾元), or a group missing its thousands digit (壹万零伍佰).
    if (out !== '' && (pendingZero || g < 1000)) out += '零';
    pendingZero = false;
    out += group(g) + BIG[i]!;
  }
  return out;
}

export function fenToDaxie(fen: number): string {
  if (!Number.isSafeInteger(fen)) throw new RangeError(`not an integer number of fen: ${fen}`);
  if (fen < 0) return `负${fenToDaxie(-fen)}`;
  const yuan = Math.floor(fen / 100);
  const jiao = Math.floor(fen / 10) % 10;
  const cents = fen % 10;
  if (fen === 0) return '零元整';
  const head = yuanText(yuan);
  let out = head === '' ? '' : `${head}元`;
  if (jiao === 0 && cents === 0) return `${out}整`;
  if (jiao !== 0) out += `${DIGITS[jiao]}角`;
  else if (head !== '') out += '零';
  return cents === 0 ? `${out}整` : `${out}${DIGITS[cents]}分`;
}
