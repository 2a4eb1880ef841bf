import { defineMessages } from './define';

export const reportMessages = defineMessages(
  {
    'report.unknown': (p) => `没有名为 ${p.name} 的报表。可用：${p.known}`,
    'report.badRange': (p) => `起始期间 ${p.from} 晚于结束期间 ${p.to}`,
    'report.writeFailed': (p) => `无法写入文件 ${p.path}（${p.detail}）：请确认文件夹存在、文件未在 Excel 中打开`,
  },
  {
    'report.unknown': (p) => `No report named ${p.name}. Available: ${p.known}`,
    'report.badRange': (p) => `The range starts (${p.from}) after it ends (${p.to})`,
    'report.writeFailed': (p) => `Cannot write ${p.path} (${p.detail}): check that the folder exists and the file is not open in Excel`,
  },
);
