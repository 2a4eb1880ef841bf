/**
 * Deductible input VAT of a claim line by its invoice (DOMAIN.md: VAT on expense claims;
 * 财政部 税务总局 海关总署公告2019年第39号 第六条 for passenger transport):
 * - 增值税专用发票 (incl. 数电专票): the tax amount it states;
 * - passenger tickets naming the employee: 航空 (票价 + 燃油附加费) ÷ (1 + 9%) × 9%,
 *   铁路 票面金额 ÷ (1 + 9%) × 9%, 公路/水路 票面金额 ÷ (1 + 3%) × 3%;
 * - 普通发票 otherwise: none; 餐饮 (MEALS) and 娱乐/招待 (ENTERTAIN) never (第十条: 餐饮服务、
 *   娱乐服务 purchased are not deductible).
 * Exact to the fen, half up, in integers (never through floating point). Where the rule
 * needs a fact the line lacks, the answer says which.
 */

export type InvoiceKind = 'special' | 'ordinary' | 'air' | 'rail' | 'road' | 'water';

export interface VatInput {
  kind: InvoiceKind;
  categoryCode: string;
  /** The line's amount (the ticket's face value for rail, road and water). */
  amountFen: number;
  /** 专票: the tax it states. */
  statedTaxFen?: number | null;
  /** 航空: 票价 and 燃油附加费 (民航发展基金 is not part of the base). */
  fareFen?: number | null;
  fuelFen?: number | null;
  /** Tickets: whether the ticket names the claimant (null: not known). */
  namesEmployee?: boolean | null;
}

export type VatResult = { ok: true; taxFen: number } | { ok: false; missing: 'statedTax' | 'fare' | 'passenger' };

const NEVER = new Set(['MEALS', 'ENTERTAIN']);

/** round(base × rate ÷ (100 + rate)) half up, rate in whole percent. */
export function taxIncluded(baseFen: number, ratePercent: number): number {
  const sign = baseFen < 0 ? -1 : 1;
  const q = Math.abs(baseFen) * ratePercent;
  const d = 100 + ratePercent;
  return sign * Math.floor((2 * q + d) / (2 * d));
}

export function deductibleTax(l: VatInput): VatResult {
  if (NEVER.has(l.categoryCode)) return { ok: true, taxFen: 0 };
  switch (l.kind) {
    case 'ordinary':
      return { ok: true, taxFen: 0 };
    case 'special':
      return l.statedTaxFen === null || l.statedTaxFen === undefined ? { ok: false, missing: 'statedTax' } : { ok: true, taxFen: l.statedTaxFen };
    default: {
      if (l.namesEmployee === null || l.namesEmployee === undefined) return { ok: false, missing: 'passenger' };
      if (!l.namesEmployee) return { ok: true, taxFen: 0 };
      if (l.kind === 'air') {
        if (l.fareFen === null || l.fareFen === undefined) return { ok: false, missing: 'fare' };
        return { ok: true, taxFen: taxIncluded(l.fareFen + (l.fuelFen ?? 0), 9) };
      }
      return { ok: true, taxFen: taxIncluded(l.amountFen, l.kind === 'rail' ? 9 : 3) };
    }
  }
}

/** The kind of an invoice from its 票种 text (the ledger's kind column, a claim line's invoice type). */
export function invoiceKindOf(text: string): InvoiceKind {
  const t = text.normalize('NFKC');
  if (/专用发票|专票/.test(t)) return 'special';
  if (/航空|机票|行程单/.test(t)) return 'air';
  if (/铁路|火车|高铁|动车/.test(t)) return 'rail';
  if (/水路|船票|轮渡/.test(t)) return 'water';
  if (/公路|汽车票|客运/.test(t)) return 'road';
  return 'ordinary';
}
