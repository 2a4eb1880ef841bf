import { defineMessages } from './define';

export const reportMessages = defineMessages(
  {
    'report.unknown': (p) => `没有名为 ${p.name} 的报表。可用：${p.known}`,
    'report.sumTooLarge': (p) => `${p.what}合计 ${p.sum} 元超出可精确表示的范围（±${p.limit} 元），无法精确到分，报表未生成`,
    'report.badRange': (p) => `起始期间 ${p.from} 晚于结束期间 ${p.to}`,
    'report.writeFailed': (p) => `无法写入文件 ${p.path}（${p.detail}）：请确认文件夹存在、文件未在 Excel 中打开`,
  },
  {
    'report.sumTooLarge': (p) => `The ${p.what} total, ${p.sum} yuan, is beyond the range that can be stated exactly to the fen (±${p.limit} yuan): the report was not made`,
    'report.unknown': (p) => `No report named ${p.name}. Available: ${p.known}`,
    'report.badRange': (p) => `The range starts (${p.from}) after it ends (${p.to})`,
    'report.writeFailed': (p) => `Cannot write ${p.path} (${p.detail}): check that the folder exists and the file is not open in Excel`,
  },
);
