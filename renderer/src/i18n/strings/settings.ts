import { defineStrings } from '../define';

/** 账套设置: the company's 纳税人识别号 and its VAT status. */
export const settingsStrings = defineStrings(
  {
    'nav.settings': '账套设置',
    'settings.title': '账套设置',
    'settings.taxId': '纳税人识别号',
    'settings.taxpayer': '纳税人类型',
    'settings.taxpayer.general': '一般纳税人',
    'settings.taxpayer.small': '小规模纳税人',
    'settings.vatRate': '默认销项税率',
    'settings.smallRate': '征收率',
    'settings.hint.general': '报销按发票类型抵扣进项税额；收入按客户合同税率（未设则按默认税率）计提销项税额。',
    'settings.hint.small': '进项税额不抵扣，计入费用；收入按征收率计提应交增值税。',
    'settings.save': '保存',
    'settings.saved': '已保存',
  },
  {
    'nav.settings': 'Book settings',
    'settings.title': 'Book settings',
    'settings.taxId': 'Taxpayer ID',
    'settings.taxpayer': 'VAT status',
    'settings.taxpayer.general': 'General taxpayer',
    'settings.taxpayer.small': 'Small-scale taxpayer',
    'settings.vatRate': 'Default output VAT rate',
    'settings.smallRate': 'Levy rate',
    'settings.hint.general': 'Claims deduct input VAT by invoice type; revenue books output VAT at the customer contract rate (else the default).',
    'settings.hint.small': 'No input VAT is deducted (it is part of the expense); revenue books the VAT levy at the levy rate.',
    'settings.save': 'Save',
    'settings.saved': 'Saved',
  },
);
