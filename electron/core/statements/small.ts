/**
 * 小企业会计准则 statements (财会〔2011〕17号, 附录 第三部分 财务报表): 资产负债表 会小企01表
 * (行次 1–53) and 利润表 会小企02表 (行次 1–32), with the 编制说明's rules as formulas
 * (layout.ts). Choices the 编制说明 leaves to the preparer, written down:
 * - 应收/预收, 预付/应付 are 分析填列 by leaf account (a customer's credit balance inside one
 *   leaf nets with the others: we keep per-account totals, not per-customer ones);
 * - 其他流动资产 takes 1901 待处理财产损溢 until it is dealt with at year end;
 * - 未分配利润 = 3103 本年利润 + 3104 利润分配 + any P&L not yet transferred (5*), so a month
 *   read before its 结转损益 still balances; after the transfer the 5* term is zero;
 * - the 其中 rows of 税金及附加, 销售费用, 管理费用, 财务费用, 营业外收支 read the sub-accounts
 *   by name (a book that splits 5403 into 城市维护建设税 … fills them; one that does not
 *   shows them empty, as on the paper form).
 */
import { sided, type StatementLayout } from './layout';

const a = sided('debit');
const l = sided('credit');

export const smallBalanceSheet: StatementLayout = {
  form: '会小企01表',
  title: { 'zh-CN': '资产负债表', en: 'Balance sheet' },
  balance: [30, 53],
  left: [
    a.cap('流动资产：', 'Current assets:'),
    a.row(1, '货币资金', 'Cash and cash equivalents', '1001+1002+1012'),
    a.row(2, '短期投资', 'Short-term investments', '1101'),
    a.row(3, '应收票据', 'Notes receivable', '1121'),
    a.row(4, '应收账款', 'Accounts receivable', '1122D+2203D'),
    a.row(5, '预付账款', 'Prepayments', '1123D+2202D'),
    a.row(6, '应收股利', 'Dividends receivable', '1131'),
    a.row(7, '应收利息', 'Interest receivable', '1132'),
    a.row(8, '其他应收款', 'Other receivables', '1221'),
    a.row(9, '存货', 'Inventories', '1401+1402+1403+1404+1405-1407+1408+1411+1421+4001+4101+4401+4403'),
    a.sub(10, '其中：原材料', 'of which: raw materials', '1403'),
    a.sub(11, '在产品', 'work in progress', '4001'),
    a.sub(12, '库存商品', 'finished goods', '1405'),
    a.sub(13, '周转材料', 'revolving materials', '1411'),
    a.row(14, '其他流动资产', 'Other current assets', '1901'),
    a.tot(15, '流动资产合计', 'Total current assets', '#1+#2+#3+#4+#5+#6+#7+#8+#9+#14'),
    a.cap('非流动资产：', 'Non-current assets:'),
    a.row(16, '长期债券投资', 'Long-term bond investments', '1501'),
    a.row(17, '长期股权投资', 'Long-term equity investments', '1511'),
    a.row(18, '固定资产原价', 'Fixed assets at cost', '1601'),
    a.row(19, '减：累计折旧', 'Less: accumulated depreciation', '1602'),
    a.tot(20, '固定资产账面价值', 'Fixed assets, carrying amount', '#18-#19'),
    a.row(21, '在建工程', 'Construction in progress', '1604'),
    a.row(22, '工程物资', 'Construction materials', '1605'),
    a.row(23, '固定资产清理', 'Fixed assets pending disposal', '1606'),
    a.row(24, '生产性生物资产', 'Productive biological assets', '1621-1622'),
    a.row(25, '无形资产', 'Intangible assets', '1701-1702'),
    a.row(26, '开发支出', 'Development costs', '4301'),
    a.row(27, '长期待摊费用', 'Long-term deferred expenses', '1801'),
    a.row(28, '其他非流动资产', 'Other non-current assets'),
    a.tot(29, '非流动资产合计', 'Total non-current assets', '#16+#17+#20+#21+#22+#23+#24+#25+#26+#27+#28'),
    a.tot(30, '资产总计', 'Total assets', '#15+#29'),
  ],
  right: [
    l.cap('流动负债：', 'Current liabilities:'),
    l.row(31, '短期借款', 'Short-term borrowings', '2001'),
    l.row(32, '应付票据', 'Notes payable', '2201'),
    l.row(33, '应付账款', 'Accounts payable', '2202C+1123C'),
    l.row(34, '预收账款', 'Advances from customers', '2203C+1122C'),
    l.row(35, '应付职工薪酬', 'Employee benefits payable', '2211'),
    l.row(36, '应交税费', 'Taxes payable', '2221'),
    l.row(37, '应付利息', 'Interest payable', '2231'),
    l.row(38, '应付利润', 'Profit payable', '2232'),
    l.row(39, '其他应付款', 'Other payables', '2241'),
    l.row(40, '其他流动负债', 'Other current liabilities'),
    l.tot(41, '流动负债合计', 'Total current liabilities', '#31+#32+#33+#34+#35+#36+#37+#38+#39+#40'),
    l.cap('非流动负债：', 'Non-current liabilities:'),
    l.row(42, '长期借款', 'Long-term borrowings', '2501'),
    l.row(43, '长期应付款', 'Long-term payables', '2701'),
    l.row(44, '递延收益', 'Deferred income', '2401'),
    l.row(45, '其他非流动负债', 'Other non-current liabilities'),
    l.tot(46, '非流动负债合计', 'Total non-current liabilities', '#42+#43+#44+#45'),
    l.tot(47, '负债合计', 'Total liabilities', '#41+#46'),
    l.cap('所有者权益（或股东权益）：', "Owners' equity:"),
    l.row(48, '实收资本（或股本）', 'Paid-in capital', '3001'),
    l.row(49, '资本公积', 'Capital reserve', '3002'),
    l.row(50, '盈余公积', 'Surplus reserve', '3101'),
    l.row(51, '未分配利润', 'Undistributed profit', '3103+3104+5*'),
    l.tot(52, '所有者权益（或股东权益）合计', "Total owners' equity", '#48+#49+#50+#51'),
    l.tot(53, '负债和所有者权益（或股东权益）总计', "Total liabilities and owners' equity", '#47+#52'),
  ],
};

const cr = sided('credit');
const dr = sided('debit');

export const smallIncomeStatement: StatementLayout = {
  form: '会小企02表',
  title: { 'zh-CN': '利润表', en: 'Income statement' },
  left: [
    cr.row(1, '一、营业收入', 'Revenue', '5001+5051'),
    dr.row(2, '减：营业成本', 'Less: cost of sales', '5401+5402'),
    dr.row(3, '税金及附加', 'Taxes and surcharges', '5403'),
    dr.sub(4, '其中：消费税', 'of which: consumption tax', '5403[消费税]'),
    dr.sub(5, '营业税', 'business tax', '5403[营业税]'),
    dr.sub(6, '城市维护建设税', 'city maintenance and construction tax', '5403[城市维护建设税|城建税]'),
    dr.sub(7, '资源税', 'resource tax', '5403[资源税]'),
    dr.sub(8, '土地增值税', 'land appreciation tax', '5403[土地增值税]'),
    dr.sub(9, '城镇土地使用税、房产税、车船税、印花税', 'land use, property, vehicle and stamp taxes', '5403[土地使用税|房产税|车船税|印花税]'),
    dr.sub(10, '教育费附加、矿产资源补偿费、排污费', 'education surcharges, mineral and pollution fees', '5403[教育费附加|教育附加|矿产资源|排污]'),
    dr.row(11, '销售费用', 'Selling expenses', '5601'),
    dr.sub(12, '其中：商品维修费', 'of which: product repairs', '5601[维修]'),
    dr.sub(13, '广告费和业务宣传费', 'advertising and promotion', '5601[广告|宣传]'),
    dr.row(14, '管理费用', 'Administrative expenses', '5602'),
    dr.sub(15, '其中：开办费', 'of which: start-up costs', '5602[开办费]'),
    dr.sub(16, '业务招待费', 'entertainment', '5602[业务招待]'),
    dr.sub(17, '研究费用', 'research', '5602[研究|研发]'),
    dr.row(18, '财务费用', 'Finance costs', '5603'),
    dr.sub(19, '其中：利息费用（收入以“-”号填列）', 'of which: interest (income negative)', '5603[利息]'),
    cr.row(20, '加：投资收益（损失以“-”号填列）', 'Add: investment income (loss negative)', '5111'),
    cr.tot(21, '二、营业利润（亏损以“-”号填列）', 'Operating profit (loss negative)', '#1-#2-#3-#11-#14-#18+#20'),
    cr.row(22, '加：营业外收入', 'Add: non-operating income', '5301'),
    cr.sub(23, '其中：政府补助', 'of which: government grants', '5301[政府补助|补贴]'),
    dr.row(24, '减：营业外支出', 'Less: non-operating expenses', '5711'),
    dr.sub(25, '其中：坏账损失', 'of which: bad debts', '5711[坏账]'),
    dr.sub(26, '无法收回的长期债券投资损失', 'unrecoverable long-term bond investments', '5711[债券投资]'),
    dr.sub(27, '无法收回的长期股权投资损失', 'unrecoverable long-term equity investments', '5711[股权投资]'),
    dr.sub(28, '自然灾害等不可抗力因素造成的损失', 'losses from force majeure', '5711[自然灾害|不可抗力]'),
    dr.sub(29, '税收滞纳金', 'tax late-payment surcharges', '5711[滞纳金]'),
    cr.tot(30, '三、利润总额（亏损总额以“-”号填列）', 'Total profit (loss negative)', '#21+#22-#24'),
    dr.row(31, '减：所得税费用', 'Less: income tax expense', '5801'),
    cr.tot(32, '四、净利润（净亏损以“-”号填列）', 'Net profit (loss negative)', '#30-#31'),
  ],
  excluded: {},
};
