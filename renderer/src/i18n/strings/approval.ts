import { defineStrings } from '../define';

/** The approval and payment bar of a claim, and the 待我审批 list's empty state. */
export const approvalStrings = defineStrings(
  {
    'approval.waitsFor': '等待{role}审批',
    'approval.waitsForNamed': '等待{role}审批：{approver}',
    'approval.approveAs': '以{role}身份审批通过',
    'approval.accrualOn': '审批通过后生成计提凭证，记账日期 {date}',
    'approval.movedClosed': '费用月份 {month} 已结账，计提凭证将记入今天所在期间（{date}）',
    'approval.movedBeforeStart': '费用月份 {month} 早于账套启用期间，计提凭证将记入今天所在期间（{date}）',
    'approval.noneMine': '没有等待您审批的报销单。',
    'approval.noneMineWhy': '当前用户是 {user}（{role}）。报销单提交后，审批链轮到{role}可审批的环节（部门经理、财务或总经理）时出现在这里；自己的报销单不会出现。要替别人审批，请在右上角切换用户。',
    'pay.title': '付款',
    'pay.account': '付款账户',
    'pay.date': '付款日期',
    'pay.confirm': '确认付款',
    'pay.cancel': '取消',
    'pay.summary': '借 其他应付款 {amount} / 贷 所选账户',
  },
  {
    'approval.waitsFor': 'Waits for {role} approval',
    'approval.waitsForNamed': 'Waits for {role} approval: {approver}',
    'approval.approveAs': 'Approve as {role}',
    'approval.accrualOn': 'Approval posts the accrual voucher dated {date}',
    'approval.movedClosed': 'The expense month {month} is closed: the accrual is booked in today’s period ({date})',
    'approval.movedBeforeStart': 'The expense month {month} is before the book starts: the accrual is booked in today’s period ({date})',
    'approval.noneMine': 'No claims are waiting for your approval.',
    'approval.noneMineWhy': 'You are {user} ({role}). A submitted claim appears here when its chain reaches a step a {role} approves (manager, finance or general manager); your own claims never do. To approve as someone else, switch user at the top right.',
    'pay.title': 'Pay',
    'pay.account': 'Pay from',
    'pay.date': 'Payment date',
    'pay.confirm': 'Confirm payment',
    'pay.cancel': 'Cancel',
    'pay.summary': 'Dr other payables {amount} / Cr the chosen account',
  },
);
