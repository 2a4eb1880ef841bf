import { defineMessages } from './define';

export const reportMessages = defineMessages(
  {
    'report.unknown': (p) => `没有名为 ${p.name} 的报表。可用：${p.known}`,
    'report.badRange': (p) => `起始期间 ${p.from} 晚于结束期间 ${p.to}`,
  },
  {
    'report.unknown': (p) => `No report named ${p.name}. Available: ${p.known}`,
    'report.badRange': (p) => `The range starts (${p.from}) after it ends (${p.to})`,
  },
);
