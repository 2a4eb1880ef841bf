import { defineMessages } from './define';

export const commonMessages = defineMessages(
  {
    'payload.invalid': (p) => String(p.fields ?? p.issues),
    'channel.unknown': (p) => `未知的操作：${p.channel}`,
    internal: (p) => `内部错误：${p.detail}`,
    'period.invalid': (p) => `期间格式应为 YYYY-MM：${p.period}`,
    'job.notFound': (p) => `找不到后台任务：${p.id}`,
    'job.crashed': (p) => `后台任务意外中止：${p.detail}`,
    'job.cancelled': () => '后台任务已取消',
    'engine.stopped': (p) => `后台引擎意外中止，已重新启动并重新打开账套；这一操作没有完成，请重试（${p.detail}）`,
    'db.busy': () => '账套正忙（另一个操作正在写入），请稍后重试',
    'db.periodClosed': () => '该期间已结账，不能修改',
    'db.postedImmutable': () => '已过账凭证不能修改，请用红字冲销',
    'db.ledgerTotalTooLarge': (p) => `过账后某科目本月的${p.side === 'credit' ? '贷方' : '借方'}发生额将超过账本能保存的上限（${p.limit} 元），未过账`,
    'db.sumTooLarge': (p) => `合计超过 ${p.limit} 元，无法精确计算`,
  },
  {
    'payload.invalid': (p) => String(p.fields ?? p.issues),
    'channel.unknown': (p) => `Unknown operation: ${p.channel}`,
    internal: (p) => `Internal error: ${p.detail}`,
    'period.invalid': (p) => `A period is written YYYY-MM: ${p.period}`,
    'job.notFound': (p) => `No such background job: ${p.id}`,
    'job.crashed': (p) => `The background job stopped unexpectedly: ${p.detail}`,
    'job.cancelled': () => 'The background job was cancelled',
    'engine.stopped': (p) => `The engine stopped unexpectedly and was restarted with the book reopened; this action did not complete, please retry (${p.detail})`,
    'db.busy': () => 'The book is busy (another operation is writing); try again in a moment',
    'db.periodClosed': () => 'The period is closed and cannot be changed',
    'db.postedImmutable': () => 'A posted voucher cannot be changed; reverse it instead',
    'db.ledgerTotalTooLarge': (p) => `Posting would take an account's ${p.side === 'credit' ? 'credit' : 'debit'} total for the month past the most the book can hold (${p.limit} yuan); nothing was posted`,
    'db.sumTooLarge': (p) => `A total is past ${p.limit} yuan and cannot be computed exactly`,
  },
);
