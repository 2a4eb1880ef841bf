/**
 * 企业会计准则 statements in the general format of 财会〔2019〕6号 (《关于修订印发2019年度一般企业
 * 财务报表格式的通知》, 附件1: for enterprises not yet on the new financial-instrument, revenue
 * and lease standards, which matches the 应用指南 chart this app seeds). The format prints no
 * 行次; we number the lines in order so scripts and the xlsx can name them. 利润表 columns are
 * 本期金额 / 上期金额. Preparer's choices, written down:
 * - 应收账款 is net of all of 1231 坏账准备 (the chart keeps one allowance account);
 * - 其他应收款 includes 应收利息 and 应收股利, 其他应付款 includes 应付利息 and 应付股利 (2019);
 * - 固定资产 = 1601 − 1602 − 1603 + 1606 固定资产清理; 在建工程 includes 1605 工程物资 (2019);
 * - 未分配利润 includes P&L not yet transferred (6*), as for the small standard;
 * - 研发费用 is read from 管理费用's sub-accounts named 研发/研究 and left out of 管理费用.
 */
import { sided, type StatementLayout } from './layout';

const a = sided('debit');
const l = sided('credit');

export const enterpriseBalanceSheet: StatementLayout = {
  form: '会企01表',
  title: { 'zh-CN': '资产负债表', en: 'Balance sheet' },
  balance: [29, 64],
  left: [
    a.cap('流动资产：', 'Current assets:'),
    a.row(1, '货币资金', 'Cash and cash equivalents', '1001+1002+1012'),
    a.row(2, '以公允价值计量且其变动计入当期损益的金融资产', 'Financial assets at fair value through profit or loss', '1101'),
    a.row(3, '衍生金融资产', 'Derivative financial assets'),
    a.row(4, '应收票据', 'Notes receivable', '1121'),
    a.row(5, '应收账款', 'Accounts receivable', '1122D+2203D-1231'),
    a.row(6, '预付款项', 'Prepayments', '1123D+2202D'),
    a.row(7, '其他应收款', 'Other receivables', '1131+1132+1221'),
    a.row(8, '存货', 'Inventories', '1401+1402+1403+1404+1405+1406-1407+1408+1411+1421-1471+5001+5101+5201+5401-5402+5403'),
    a.row(9, '持有待售资产', 'Assets held for sale'),
    a.row(10, '一年内到期的非流动资产', 'Non-current assets due within one year'),
    a.row(11, '其他流动资产', 'Other current assets', '1901'),
    a.tot(12, '流动资产合计', 'Total current assets', '#1+#2+#3+#4+#5+#6+#7+#8+#9+#10+#11'),
    a.cap('非流动资产：', 'Non-current assets:'),
    a.row(13, '可供出售金融资产', 'Available-for-sale financial assets', '1503'),
    a.row(14, '持有至到期投资', 'Held-to-maturity investments', '1501-1502'),
    a.row(15, '长期应收款', 'Long-term receivables', '1531-1532'),
    a.row(16, '长期股权投资', 'Long-term equity investments', '1511-1512'),
    a.row(17, '投资性房地产', 'Investment property', '1521'),
    a.row(18, '固定资产', 'Fixed assets', '1601-1602-1603+1606'),
    a.row(19, '在建工程', 'Construction in progress', '1604+1605'),
    a.row(20, '生产性生物资产', 'Productive biological assets', '1621-1622'),
    a.row(21, '油气资产', 'Oil and gas assets', '1631-1632'),
    a.row(22, '无形资产', 'Intangible assets', '1701-1702-1703'),
    a.row(23, '开发支出', 'Development costs', '5301'),
    a.row(24, '商誉', 'Goodwill', '1711'),
    a.row(25, '长期待摊费用', 'Long-term deferred expenses', '1801'),
    a.row(26, '递延所得税资产', 'Deferred tax assets', '1811'),
    a.row(27, '其他非流动资产', 'Other non-current assets'),
    a.tot(28, '非流动资产合计', 'Total non-current assets', '#13+#14+#15+#16+#17+#18+#19+#20+#21+#22+#23+#24+#25+#26+#27'),
    a.tot(29, '资产总计', 'Total assets', '#12+#28'),
  ],
  right: [
    l.cap('流动负债：', 'Current liabilities:'),
    l.row(30, '短期借款', 'Short-term borrowings', '2001'),
    l.row(31, '以公允价值计量且其变动计入当期损益的金融负债', 'Financial liabilities at fair value through profit or loss', '2101'),
    l.row(32, '衍生金融负债', 'Derivative financial liabilities'),
    l.row(33, '应付票据', 'Notes payable', '2201'),
    l.row(34, '应付账款', 'Accounts payable', '2202C+1123C'),
    l.row(35, '预收款项', 'Advances from customers', '2203C+1122C'),
    l.row(36, '应付职工薪酬', 'Employee benefits payable', '2211'),
    l.row(37, '应交税费', 'Taxes payable', '2221'),
    l.row(38, '其他应付款', 'Other payables', '2231+2232+2241'),
    l.row(39, '持有待售负债', 'Liabilities held for sale'),
    l.row(40, '一年内到期的非流动负债', 'Non-current liabilities due within one year'),
    l.row(41, '其他流动负债', 'Other current liabilities'),
    l.tot(42, '流动负债合计', 'Total current liabilities', '#30+#31+#32+#33+#34+#35+#36+#37+#38+#39+#40+#41'),
    l.cap('非流动负债：', 'Non-current liabilities:'),
    l.row(43, '长期借款', 'Long-term borrowings', '2501'),
    l.row(44, '应付债券', 'Bonds payable', '2502'),
    l.sub(45, '其中：优先股', 'of which: preference shares'),
    l.sub(46, '永续债', 'perpetual bonds'),
    l.row(47, '长期应付款', 'Long-term payables', '2701-2702+2711'),
    l.row(48, '预计负债', 'Provisions', '2801'),
    l.row(49, '递延收益', 'Deferred income', '2401'),
    l.row(50, '递延所得税负债', 'Deferred tax liabilities', '2901'),
    l.row(51, '其他非流动负债', 'Other non-current liabilities'),
    l.tot(52, '非流动负债合计', 'Total non-current liabilities', '#43+#44+#47+#48+#49+#50+#51'),
    l.tot(53, '负债合计', 'Total liabilities', '#42+#52'),
    l.cap('所有者权益（或股东权益）：', "Owners' equity:"),
    l.row(54, '实收资本（或股本）', 'Paid-in capital', '4001'),
    l.row(55, '其他权益工具', 'Other equity instruments'),
    l.sub(56, '其中：优先股', 'of which: preference shares'),
    l.sub(57, '永续债', 'perpetual bonds'),
    l.row(58, '资本公积', 'Capital reserve', '4002'),
    l.row(59, '减：库存股', 'Less: treasury shares', '4201'),
    l.row(60, '其他综合收益', 'Other comprehensive income'),
    l.row(61, '盈余公积', 'Surplus reserve', '4101'),
    l.row(62, '未分配利润', 'Undistributed profit', '4103+4104+6*'),
    l.tot(63, '所有者权益（或股东权益）合计', "Total owners' equity", '#54+#55+#58-#59+#60+#61+#62'),
    l.tot(64, '负债和所有者权益（或股东权益）总计', "Total liabilities and owners' equity", '#53+#63'),
  ],
};

const cr = sided('credit');
const dr = sided('debit');

export const enterpriseIncomeStatement: StatementLayout = {
  form: '会企02表',
  title: { 'zh-CN': '利润表', en: 'Income statement' },
  left: [
    cr.row(1, '一、营业收入', 'Revenue', '6001+6051'),
    dr.row(2, '减：营业成本', 'Less: cost of sales', '6401+6402'),
    dr.row(3, '税金及附加', 'Taxes and surcharges', '6403'),
    dr.row(4, '销售费用', 'Selling expenses', '6601'),
    dr.row(5, '管理费用', 'Administrative expenses', '6602-6602[研发|研究]'),
    dr.row(6, '研发费用', 'Research and development', '6602[研发|研究]'),
    dr.row(7, '财务费用', 'Finance costs', '6603'),
    dr.sub(8, '其中：利息费用', 'of which: interest expense', '6603[利息费用|利息支出]'),
    dr.sub(9, '利息收入', 'interest income', '-6603[利息收入]'),
    cr.row(10, '加：其他收益', 'Add: other income', '6117'),
    cr.row(11, '投资收益（损失以“-”号填列）', 'Investment income (loss negative)', '6111'),
    cr.sub(12, '其中：对联营企业和合营企业的投资收益', 'of which: from associates and joint ventures', '6111[联营|合营]'),
    cr.row(13, '公允价值变动收益（损失以“-”号填列）', 'Fair value gains (loss negative)', '6101'),
    cr.row(14, '信用减值损失（损失以“-”号填列）', 'Credit impairment losses (negative)', '-6702'),
    cr.row(15, '资产减值损失（损失以“-”号填列）', 'Asset impairment losses (negative)', '-6701'),
    cr.row(16, '资产处置收益（损失以“-”号填列）', 'Gains on disposal of assets (loss negative)', '6115'),
    cr.tot(17, '二、营业利润（亏损以“-”号填列）', 'Operating profit (loss negative)', '#1-#2-#3-#4-#5-#6-#7+#10+#11+#13+#14+#15+#16'),
    cr.row(18, '加：营业外收入', 'Add: non-operating income', '6301'),
    dr.row(19, '减：营业外支出', 'Less: non-operating expenses', '6711'),
    cr.tot(20, '三、利润总额（亏损总额以“-”号填列）', 'Total profit (loss negative)', '#17+#18-#19'),
    dr.row(21, '减：所得税费用', 'Less: income tax expense', '6801'),
    cr.tot(22, '四、净利润（净亏损以“-”号填列）', 'Net profit (loss negative)', '#20-#21'),
    cr.sub(23, '（一）持续经营净利润（净亏损以“-”号填列）', 'from continuing operations', '#22'),
    cr.sub(24, '（二）终止经营净利润（净亏损以“-”号填列）', 'from discontinued operations'),
    cr.row(25, '五、其他综合收益的税后净额', 'Other comprehensive income, net of tax'),
    cr.tot(26, '六、综合收益总额', 'Total comprehensive income', '#22+#25'),
  ],
  excluded: { '6901': '以前年度损益调整 is moved to 利润分配-未分配利润, never shown on the 利润表 (应用指南 6901)' },
};
