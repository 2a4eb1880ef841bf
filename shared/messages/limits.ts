import { defineMessages } from './define';

export const limitMessages = defineMessages(
  {
    'limits.fileTooBig': (p) => `文件有 ${p.mb} MB，超过了导入上限 ${p.max} MB。请拆分成几个工作簿再导入`,
    'limits.inflatesTooMuch': (p) => `工作簿解压后约 ${p.mb} MB，超过了上限 ${p.max} MB，未导入`,
    'limits.zipBomb': (p) => `工作簿中的 ${p.part} 压缩比异常（${p.ratio}:1），可能是恶意文件，未导入`,
    'limits.tooManyParts': (p) => `工作簿包含 ${p.count} 个部件，超出正常范围，未导入`,
    'limits.tooManyRows': (p) => `工作表“${p.sheet}”超过 ${p.max} 行（Excel 的上限），未导入`,
    'limits.cellTooLong': (p) => `单元格内容超过 ${p.max} 个字符（Excel 的上限）`,
  },
  {
    'limits.fileTooBig': (p) => `The file is ${p.mb} MB, above the import limit of ${p.max} MB. Split it into several workbooks`,
    'limits.inflatesTooMuch': (p) => `The workbook inflates to about ${p.mb} MB, above the limit of ${p.max} MB; nothing was imported`,
    'limits.zipBomb': (p) => `Part ${p.part} of the workbook has an abnormal compression ratio (${p.ratio}:1) and may be hostile; nothing was imported`,
    'limits.tooManyParts': (p) => `The workbook has ${p.count} parts, far more than a workbook has; nothing was imported`,
    'limits.tooManyRows': (p) => `Sheet "${p.sheet}" has more than ${p.max} rows (Excel's limit); nothing was imported`,
    'limits.cellTooLong': (p) => `A cell holds more than ${p.max} characters (Excel's limit)`,
  },
);
