/**
 * The rest of the statutory first-level accounts and their customary sub-accounts, beside
 * the accounts both standards share in default-chart.ts. Sources:
 * - 小企业会计准则 (财会〔2011〕17号) 附录《会计科目、主要账务处理和财务报表》: 66 first-level
 *   accounts, listed e.g. in the 小企业会计准则/小企业会计制度 科目对比表
 *   (https://www.renrendoc.com/p-71552331.html) and the notice itself
 *   (https://lawyersam.com/2020/06/28/财政部关于印发《小企业会计准则》的通知).
 * - 企业会计准则——应用指南 附录《会计科目和主要账务处理》(财会〔2006〕18号): the accounts a
 *   general (non-financial) enterprise uses; those the guide marks as 银行/保险/证券/金融
 *   专用 or 共同类 (3xxx) are left out on purpose, as is 勘探费用 (oil and gas). 6115 资产处置损益,
 *   6117 其他收益 and 6702 信用减值损失 come from the later revisions (财会〔2017〕30号,
 *   财会〔2019〕6号), whose statement lines need them.
 * Template codes as in default-chart.ts: E = equity (3 small / 4 enterprise), P = profit
 * and loss (5 / 6). Existing codes never move: 222101 stays 应交增值税-进项税额 (it has lines in
 * every book that booked a claim), so 应交税费 keeps its second level flat.
 */
import type { AccountType, Side } from '../db/schema/account';

export type Row = [code: string, name: string, type: AccountType, side: Side, dims?: string];

const A = (code: string, name: string, side: Side = 'debit'): Row => [code, name, 'asset', side];
const L = (code: string, name: string, side: Side = 'credit'): Row => [code, name, 'liability', side];
const Q = (code: string, name: string, side: Side = 'credit'): Row => [code, name, 'equity', side];
const C = (code: string, name: string): Row => [code, name, 'cost', 'debit'];
const R = (code: string, name: string): Row => [code, name, 'revenue', 'credit'];
const X = (code: string, name: string, side: Side = 'debit'): Row => [code, name, 'expense', side];

/** Same code and name in both standards. */
export const sharedExtra: Row[] = [
  A('1012', '其他货币资金'),
  A('1121', '应收票据'),
  A('1131', '应收股利'),
  A('1132', '应收利息'),
  A('1401', '材料采购'),
  A('1402', '在途物资'),
  A('1403', '原材料'),
  A('1404', '材料成本差异'),
  A('1405', '库存商品'),
  A('1407', '商品进销差价', 'credit'),
  A('1408', '委托加工物资'),
  A('1411', '周转材料'),
  A('1421', '消耗性生物资产'),
  A('1511', '长期股权投资'),
  A('1601', '固定资产'),
  A('1602', '累计折旧', 'credit'),
  A('1604', '在建工程'),
  A('1605', '工程物资'),
  A('1606', '固定资产清理'),
  A('1621', '生产性生物资产'),
  A('1622', '生产性生物资产累计折旧', 'credit'),
  A('1901', '待处理财产损溢'),
  L('2001', '短期借款'),
  L('2201', '应付票据'),
  L('221101', '工资'),
  L('221102', '社会保险费'),
  L('221103', '住房公积金'),
  L('221104', '职工福利费'),
  L('221105', '工会经费'),
  L('221106', '职工教育经费'),
  L('222103', '应交增值税-进项税额转出'),
  L('222104', '应交增值税-转出未交增值税'),
  L('222105', '未交增值税'),
  L('222106', '应交城市维护建设税'),
  L('222107', '应交教育费附加'),
  L('222108', '应交地方教育附加'),
  L('222109', '应交个人所得税'),
  L('222110', '应交企业所得税'),
  L('2231', '应付利息'),
  L('2401', '递延收益'),
  L('2501', '长期借款'),
  L('2701', '长期应付款'),
  Q('E002', '资本公积'),
  Q('E101', '盈余公积'),
  Q('E10401', '提取法定盈余公积'),
  Q('E10402', '提取任意盈余公积'),
  Q('E10404', '盈余公积补亏'),
  Q('E10415', '未分配利润'),
  R('P111', '投资收益'),
  R('P301', '营业外收入'),
  X('P402', '其他业务成本'),
  X('P403', '税金及附加'),
  X('P711', '营业外支出'),
  X('P801', '所得税费用'),
];

export const smallExtra: Row[] = [
  A('1101', '短期投资'),
  A('1501', '长期债券投资'),
  L('2232', '应付利润'),
  Q('310403', '应付利润'),
  C('4001', '生产成本'),
  C('4101', '制造费用'),
  C('4301', '研发支出'),
  C('4401', '工程施工'),
  C('4403', '机械作业'),
];

export const enterpriseExtra: Row[] = [
  A('1101', '交易性金融资产'),
  A('1231', '坏账准备', 'credit'),
  A('1406', '发出商品'),
  A('1471', '存货跌价准备', 'credit'),
  A('1501', '持有至到期投资'),
  A('1502', '持有至到期投资减值准备', 'credit'),
  A('1503', '可供出售金融资产'),
  A('1512', '长期股权投资减值准备', 'credit'),
  A('1521', '投资性房地产'),
  A('1531', '长期应收款'),
  A('1532', '未实现融资收益', 'credit'),
  A('1603', '固定资产减值准备', 'credit'),
  A('1631', '油气资产'),
  A('1632', '累计折耗', 'credit'),
  A('1703', '无形资产减值准备', 'credit'),
  A('1711', '商誉'),
  A('1811', '递延所得税资产'),
  L('2101', '交易性金融负债'),
  L('2232', '应付股利'),
  L('2502', '应付债券'),
  L('2702', '未确认融资费用', 'debit'),
  L('2711', '专项应付款'),
  L('2801', '预计负债'),
  L('2901', '递延所得税负债'),
  Q('4201', '库存股', 'debit'),
  Q('410403', '应付现金股利或利润'),
  C('5001', '生产成本'),
  C('5101', '制造费用'),
  C('5201', '劳务成本'),
  C('5301', '研发支出'),
  C('5401', '工程施工'),
  [ '5402', '工程结算', 'cost', 'credit'],
  C('5403', '机械作业'),
  R('6101', '公允价值变动损益'),
  R('6115', '资产处置损益'),
  R('6117', '其他收益'),
  X('6701', '资产减值损失'),
  X('6702', '信用减值损失'),
  X('6901', '以前年度损益调整'),
];
