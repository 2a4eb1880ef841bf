import { defineMessages } from './define';

/** What an exact total belongs to (report.sumTooLarge's `what`): named in the UI language. */
export const SUM_WHAT = {
  expenses: ['客户管理费用', 'client expense'],
  claims: ['报销单', 'claim'],
  pool: ['分摊池', 'allocation pool'],
  profitability: ['客户盈利', 'client profitability'],
  budgets: ['预算', 'budget'],
  cockpit: ['首页', 'home page'],
  schedules: ['摊销与递延计划', 'schedule'],
} as const;
export type SumWhat = keyof typeof SUM_WHAT;
const what = (p: Record<string, string | number>, i: 0 | 1): string => SUM_WHAT[p.what as SumWhat]?.[i] ?? String(p.what);

export const reportMessages = defineMessages(
  {
    'report.unknown': (p) => `没有名为 ${p.name} 的报表。可用：${p.known}`,
    'report.sumTooLarge': (p) => `${what(p, 0)}合计 ${p.sum} 元超出可精确表示的范围（±${p.limit} 元），无法精确到分`,
    'report.badRange': (p) => `起始期间 ${p.from} 晚于结束期间 ${p.to}`,
    'report.writeFailed': (p) => `无法写入文件 ${p.path}（${p.detail}）：请确认文件夹存在、文件未在 Excel 中打开`,
  },
  {
    'report.sumTooLarge': (p) => `The ${what(p, 1)} total, ${p.sum} yuan, is beyond the range that can be stated exactly to the fen (±${p.limit} yuan)`,
    'report.unknown': (p) => `No report named ${p.name}. Available: ${p.known}`,
    'report.badRange': (p) => `The range starts (${p.from}) after it ends (${p.to})`,
    'report.writeFailed': (p) => `Cannot write ${p.path} (${p.detail}): check that the folder exists and the file is not open in Excel`,
  },
);
