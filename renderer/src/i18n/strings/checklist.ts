import { defineStrings } from '../define';

export const checklistStrings = defineStrings(
  {
    'checklist.title': '每月工作清单',
    'checklist.opening': '导入期初余额',
    'checklist.openingHint': '启用账套时做一次：从旧账或 Excel 导入各科目期初余额。',
    'checklist.import': '导入客户经理的费用表',
    'checklist.importHint': '拖入 Excel，核对识别出的表头，查看被拒绝的行和政策提示。',
    'checklist.approve': '审批报销单',
    'checklist.approveHint': '按审批链逐级审批，超预算和违反政策的会提示；审批后自动生成凭证。',
    'checklist.allocate': '分配间接费用',
    'checklist.allocateHint': '按收入、工时、订单数等动因把办公费、租金等分到客户，精确到分。',
    'checklist.export': '导出期间报表包',
    'checklist.exportHint': '一个工作簿包含本期全部报表，发给老板。',
  },
  {
    'checklist.title': 'Monthly checklist',
    'checklist.opening': 'Import opening balances',
    'checklist.openingHint': 'Once, when the book starts: bring in each account’s opening balance from the old books or Excel.',
    'checklist.import': 'Import the account managers’ expense sheets',
    'checklist.importHint': 'Drop in the Excel files, check the detected headers, review rejected rows and policy notes.',
    'checklist.approve': 'Approve claims',
    'checklist.approveHint': 'Step by step along the approval chain, with budget and policy warnings; approval posts the voucher.',
    'checklist.allocate': 'Allocate overhead',
    'checklist.allocateHint': 'Split office, rent and other overhead to customers by revenue, hours or orders, exact to the fen.',
    'checklist.export': 'Export the period pack',
    'checklist.exportHint': 'One workbook with every report of the period, for the owner.',
  },
);
