import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatFen } from '../../../shared/money';
import { parseAmountValue, parseDateValue, parseMilliValue, plain, serialToDate } from './values';

const pad = (n: number) => String(n).padStart(2, '0');
const fullWidth = (s: string) => s.replace(/[0-9.,]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
const anyDate = fc.date({ min: new Date(Date.UTC(1950, 0, 1)), max: new Date(Date.UTC(2200, 11, 31)), noInvalidDate: true }).map((d) => new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate())));

describe('amount parsing', () => {
  it('reads every spelling of an amount to the same fen, exactly', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 99_999_999_999 }), fc.constantFrom('', '¥', '￥', 'RMB ', 'CNY'), fc.constantFrom('', '元'), fc.boolean(), (fen, pre, post, wide) => {
        const text = `${pre}${formatFen(fen)}${post}`;
        const r = parseAmountValue(wide ? fullWidth(text) : text);
        expect(r).toEqual({ ok: true, fen });
        expect(parseAmountValue(`(${formatFen(fen)})`)).toEqual({ ok: true, fen: -fen });
      }),
    );
  });

  it('reads numeric cells through their decimal text (no float rounding)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 9_999_999_999 }), (fen) => {
        const n = Number(formatFen(fen, { grouping: false }));
        expect(parseAmountValue(n)).toEqual({ ok: true, fen });
        expect(parseAmountValue(plain({ formula: 'A1', result: n }))).toEqual({ ok: true, fen });
      }),
    );
  });

  it('rejects more than two decimals instead of rounding', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 999_999 }), fc.integer({ min: 1, max: 9 }), (yuan, third) => {
        expect(parseAmountValue(`${yuan}.12${third}`)).toEqual({ ok: false, reason: 'amount.tooManyDecimals' });
        expect(parseAmountValue(Number(`${yuan}.12${third}`))).toEqual({ ok: false, reason: 'amount.tooManyDecimals' });
      }),
    );
    expect(parseAmountValue('12.345')).toEqual({ ok: false, reason: 'amount.tooManyDecimals' });
    expect(parseAmountValue('12.340')).toEqual({ ok: true, fen: 1234 });
  });

  it('names what is wrong', () => {
    expect(parseAmountValue('待定')).toEqual({ ok: false, reason: 'amount.invalid' });
    expect(parseAmountValue('  ')).toEqual({ ok: false, reason: 'amount.missing' });
    expect(parseAmountValue(null)).toEqual({ ok: false, reason: 'amount.missing' });
    expect(parseAmountValue('1,23.00')).toEqual({ ok: false, reason: 'amount.invalid' });
    expect(parseAmountValue('１，２３４.５')).toEqual({ ok: true, fen: 123450 });
  });

  it('reads quantities in thousandths', () => {
    expect(parseMilliValue('1.5')).toEqual({ ok: true, fen: 1500 });
    expect(parseMilliValue(7.125)).toEqual({ ok: true, fen: 7125 });
    expect(parseMilliValue('1.0005')).toEqual({ ok: false, reason: 'amount.tooManyDecimals' });
  });
});

describe('date parsing', () => {
  it('reads date cells, serial numbers and the four text spellings to the same day', () => {
    fc.assert(
      fc.property(anyDate, (d) => {
        const y = d.getUTCFullYear();
        const m = d.getUTCMonth() + 1;
        const day = d.getUTCDate();
        const iso = `${y}-${pad(m)}-${pad(day)}`;
        const want = { ok: true, date: iso };
        expect(parseDateValue(d)).toEqual(want);
        expect(parseDateValue(d.getTime() / 86400000 + 25569)).toEqual(want);
        expect(parseDateValue(d.getTime() / 86400000 + 25569 + 0.75)).toEqual(want);
        expect(parseDateValue(iso)).toEqual(want);
        expect(parseDateValue(`${y}/${m}/${day}`)).toEqual(want);
        expect(parseDateValue(`${y}.${m}.${day}`)).toEqual(want);
        expect(parseDateValue(`${y}年${m}月${day}日`)).toEqual(want);
        expect(parseDateValue(fullWidth(`${y}.${m}.${day}`))).toEqual(want);
      }),
    );
  });

  it('never guesses day-first or month-first', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 2000, max: 2100 }), (a, b, y) => {
        fc.pre(a !== b);
        expect(parseDateValue(`${pad(a)}/${pad(b)}/${y}`)).toEqual({ ok: false, reason: 'date.ambiguous' });
      }),
    );
    // Only one reading possible: not a guess.
    expect(parseDateValue('25/05/2026')).toEqual({ ok: true, date: '2026-05-25' });
  });

  it('rejects days that do not exist, with the reason', () => {
    expect(parseDateValue('2026-13-05')).toEqual({ ok: false, reason: 'date.noSuchMonth' });
    expect(parseDateValue('2026-02-29')).toEqual({ ok: false, reason: 'date.noSuchDay' });
    expect(parseDateValue('2028-02-29')).toEqual({ ok: true, date: '2028-02-29' });
    expect(parseDateValue('下周一')).toEqual({ ok: false, reason: 'date.invalid' });
    expect(parseDateValue(null)).toEqual({ ok: false, reason: 'date.missing' });
    expect(serialToDate(46023)).toEqual({ ok: true, date: '2026-01-01' });
  });

  it('bounds serial numbers and date cells like text dates (issue 16)', () => {
    // 2958465 is Excel's last serial, 9999-12-31: the text spelling is refused, so is the serial.
    expect(parseDateValue('9999-12-31')).toEqual({ ok: false, reason: 'date.invalid' });
    expect(parseDateValue(2958465)).toEqual({ ok: false, reason: 'date.invalid' });
    expect(parseDateValue(new Date(Date.UTC(9999, 11, 31)))).toEqual({ ok: false, reason: 'date.invalid' });
    // The last admitted day is admitted in every spelling; the first refused one in none.
    expect(parseDateValue('2999-12-31')).toEqual({ ok: true, date: '2999-12-31' });
    expect(parseDateValue(401768)).toEqual({ ok: true, date: '2999-12-31' });
    expect(parseDateValue(401769)).toEqual({ ok: false, reason: 'date.invalid' });
  });
});

describe('OOXML escapes in cell text', () => {
  it('decodes _xHHHH_ in strings and rich text, and keeps an escaped underscore literal', () => {
    expect(plain('第一行_x000D_\n第二行')).toBe('第一行\r\n第二行');
    expect(plain('Tab_x0009_here')).toBe('Tab\there');
    expect(plain({ richText: [{ text: 'a_x000D_' }, { text: 'b' }] })).toBe('a\rb');
    expect(plain({ formula: 'A1', result: 'x_x0041_' })).toBe('xA');
    // _x005F_ is "_": the text is the six characters _x000D_, not a carriage return.
    expect(plain('_x005F_x000D_')).toBe('_x000D_');
    expect(plain('no_escape_x12_')).toBe('no_escape_x12_');
  });
});
