import { formatFen } from '../money';
import { defineMessages } from './define';

const yuan = (v: string | number | undefined) => formatFen(Number(v ?? 0));

/** Period end (结转损益, 结账检查, 反结账) and closed-month guards. */
export const closingMessages = defineMessages(
  {
    'closing.earlierOpen': (p) => `前面的期间 ${p.earlier} 尚未结账：请按顺序结账`,
    'closing.plNotTransferred': (p) => `期间 ${p.period} 的损益尚未结转：${p.count} 个损益科目余额合计 ${yuan(p.amount)}，请先结转损益`,
    'closing.plDimensionsNotTransferred': (p) => `期间 ${p.period} 的损益尚未按辅助核算结转：${p.count} 个损益科目合计为零，但按客户、员工、部门或类别仍有 ${p.groups} 组余额，请先结转损益`,
    'closing.profitNotCarried': (p) => `年末本年利润余额 ${yuan(p.amount)} 尚未转入利润分配-未分配利润，请先结转损益`,
    'closing.trialBalanceOff': (p) => `试算不平：借方 ${yuan(p.debit)}，贷方 ${yuan(p.credit)}`,
    'closing.balanceSheetOff': (p) => `资产负债表不平：资产 ${yuan(p.assets)}，负债和所有者权益 ${yuan(p.liabilitiesEquity)}`,
    'closing.claimsPending': (p) => `有 ${p.count} 张报销单的费用日期在本期，仍未审批或支付`,
    'closing.schedulesNotRun': (p) => `有 ${p.count} 个摊销/递延计划本期尚未执行`,
    'closing.allocationNotRun': () => '本期已设置分配规则，但尚未运行成本分配',
    'closing.reopenNotLatest': (p) => `只能从最近结账的期间 ${p.latest} 起逐期反结账`,
    'closing.futurePeriod': (p) => `期间 ${p.period} 晚于下个月（${p.next}），请确认后再继续`,
    'closing.allocationClosed': (p) => `期间 ${p.period} 已结账：成本分配只能查看，不能重新运行`,
  },
  {
    'closing.earlierOpen': (p) => `The earlier period ${p.earlier} is still open: close periods in order`,
    'closing.plNotTransferred': (p) => `Profit and loss of ${p.period} not transferred: ${p.count} P&L accounts hold ${yuan(p.amount)}; transfer P&L first`,
    'closing.plDimensionsNotTransferred': (p) => `Profit and loss of ${p.period} not transferred per dimension: ${p.count} P&L accounts total zero but ${p.groups} customer, employee, department or category balances remain; transfer P&L first`,
    'closing.profitNotCarried': (p) => `The year's profit ${yuan(p.amount)} is still in 本年利润, not moved to undistributed profit: transfer P&L first`,
    'closing.trialBalanceOff': (p) => `Trial balance out of balance: debit ${yuan(p.debit)}, credit ${yuan(p.credit)}`,
    'closing.balanceSheetOff': (p) => `Balance sheet out of balance: assets ${yuan(p.assets)}, liabilities and equity ${yuan(p.liabilitiesEquity)}`,
    'closing.claimsPending': (p) => `${p.count} claims with expenses dated in this period are still pending approval or payment`,
    'closing.schedulesNotRun': (p) => `${p.count} amortization/deferral schedules have not been run for this period`,
    'closing.allocationNotRun': () => 'Allocation rules exist but no allocation has been run for this period',
    'closing.reopenNotLatest': (p) => `Reopen from the latest closed period (${p.latest}) backwards`,
    'closing.futurePeriod': (p) => `Period ${p.period} is later than next month (${p.next}): confirm to continue`,
    'closing.allocationClosed': (p) => `Period ${p.period} is closed: its allocation can be viewed, not re-run`,
  },
);
