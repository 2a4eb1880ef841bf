import { defineStrings } from '../define';

/** Account-manager figures: what is counted, and what is compared with what. */
export const roiStrings = defineStrings(
  {
    'roi.basis': '费用口径',
    'roi.basis.client': '只算客户管理费用（默认）',
    'roi.basis.all': '全部：直接费用（含主营业务成本）+ 分摊',
    'roi.clientCost': '客户管理费用',
    'roi.allCost': '费用（直接含主营业务成本 + 分摊）',
    'roi.perClientYuan': '每元客户费用收入',
    'roi.notComparable': '上期 {from} 至 {to} 早于账套启用期间（{first}），增长与留存无可比数据，显示为 n/a。',
    'roi.comparable': '增长与留存与上期 {from} 至 {to} 比较（同样长度）。',
    'roi.revenueDef': '收入 = 主营业务收入 + 其他业务收入，与成本分配的“收入”动因口径相同。',
    'roi.na': 'n/a',
  },
  {
    'roi.basis': 'Expense counted',
    'roi.basis.client': 'Client costs only (default)',
    'roi.basis.all': 'All: direct costs (incl. cost of sales) + allocated',
    'roi.clientCost': 'Client costs',
    'roi.allCost': 'Expense (direct incl. cost of sales + allocated)',
    'roi.perClientYuan': 'Revenue per yuan of client cost',
    'roi.notComparable': 'The previous range {from} to {to} starts before the book ({first}): growth and retention have nothing to compare with (n/a).',
    'roi.comparable': 'Growth and retention compare with the previous range {from} to {to} (same length).',
    'roi.revenueDef': 'Revenue = main + other business revenue, the same as the allocation revenue driver.',
    'roi.na': 'n/a',
  },
);
