import { describe, expect, it } from 'vitest';
import { deductibleTax, invoiceKindOf, taxIncluded } from './vat';

describe('deductible input VAT by invoice type (hand-computed fen)', () => {
  it.each([
    // 专票: its stated tax.
    [{ kind: 'special', categoryCode: 'LODGING', amountFen: 106000, statedTaxFen: 6000 }, 6000],
    // 航空: (票价 1,200.00 + 燃油 50.00) × 9 / 109 = 103.21…  → 103.21
    [{ kind: 'air', categoryCode: 'TRAVEL', amountFen: 130000, fareFen: 120000, fuelFen: 5000, namesEmployee: true }, 10321],
    // 铁路: 553.00 × 9 / 109 = 45.66055… → 45.66
    [{ kind: 'rail', categoryCode: 'TRAVEL', amountFen: 55300, namesEmployee: true }, 4566],
    // 公路: 103.00 × 3 / 103 = 3.00 exactly
    [{ kind: 'road', categoryCode: 'TRANSPORT', amountFen: 10300, namesEmployee: true }, 300],
    // 水路: 88.50 × 3 / 103 = 2.5776… → 2.58
    [{ kind: 'water', categoryCode: 'TRAVEL', amountFen: 8850, namesEmployee: true }, 258],
    // 普通发票: none.
    [{ kind: 'ordinary', categoryCode: 'TRAVEL', amountFen: 10600 }, 0],
    // 餐饮 and 招待 never, even on a 专票.
    [{ kind: 'special', categoryCode: 'MEALS', amountFen: 10600, statedTaxFen: 600 }, 0],
    [{ kind: 'special', categoryCode: 'ENTERTAIN', amountFen: 10600, statedTaxFen: 600 }, 0],
    // A ticket that names someone else: none.
    [{ kind: 'rail', categoryCode: 'TRAVEL', amountFen: 55300, namesEmployee: false }, 0],
  ] as const)('%j → %i fen', (line, fen) => {
    expect(deductibleTax(line)).toEqual({ ok: true, taxFen: fen });
  });

  it('says which fact a line lacks', () => {
    expect(deductibleTax({ kind: 'special', categoryCode: 'LODGING', amountFen: 100 })).toEqual({ ok: false, missing: 'statedTax' });
    expect(deductibleTax({ kind: 'air', categoryCode: 'TRAVEL', amountFen: 100, namesEmployee: true })).toEqual({ ok: false, missing: 'fare' });
    expect(deductibleTax({ kind: 'rail', categoryCode: 'TRAVEL', amountFen: 100 })).toEqual({ ok: false, missing: 'passenger' });
  });

  it('rounds half up in integers, the sign kept', () => {
    // 109 × 9 / 109 = 9 exactly; 6 × 9 / 109 = 0.495… → 0; 7 × 9 / 109 = 0.578 → 1
    expect([taxIncluded(109, 9), taxIncluded(6, 9), taxIncluded(7, 9), taxIncluded(-55300, 9)]).toEqual([9, 0, 1, -4566]);
  });

  it('reads the kind from the 票种 text', () => {
    expect(['数电发票（增值税专用发票）', '电子发票（普通发票）', '电子发票（铁路电子客票）', '电子发票（航空运输电子客票行程单）', '公路客运发票', '水路客票'].map(invoiceKindOf)).toEqual(['special', 'ordinary', 'rail', 'air', 'road', 'water']);
  });
});
