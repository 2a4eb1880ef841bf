/**
 * Every message the core can show a user, in both UI languages. Codes are stable (tests and
 * scripts read them); texts are for people. Each domain keeps its own file.
 */
import { allocationMessages } from './allocation';
import { bookMessages } from './book';
import { budgetsMessages } from './budgets';
import { claimsMessages } from './claims';
import { closingMessages } from './closing';
import { commonMessages } from './common';
import { fileMessages } from './files';
import { importMessages } from './import';
import { invoicesMessages } from './invoices';
import { ledgerMessages } from './ledger';
import { limitMessages } from './limits';
import { mastersMessages } from './masters';
import { reportMessages } from './reports';
import { statementMessages } from './statements';
import { voucherMessages } from './vouchers';
import type { Locale, MessageParams, Text } from './define';

export type { Locale, MessageParams } from './define';

const all = [commonMessages, bookMessages, ledgerMessages, reportMessages, mastersMessages, claimsMessages, budgetsMessages, allocationMessages, importMessages, limitMessages, closingMessages, voucherMessages, fileMessages, invoicesMessages, statementMessages] as const;

type Domain = (typeof all)[number];
export type MessageCode = Domain extends infer D ? (D extends { zh: infer Z } ? keyof Z & string : never) : never;

const catalog: Record<Locale, Map<string, Text>> = { 'zh-CN': new Map(), en: new Map() };
for (const domain of all) {
  for (const [code, text] of Object.entries(domain.zh)) {
    if (catalog['zh-CN'].has(code)) throw new Error(`message code defined twice: ${code}`);
    catalog['zh-CN'].set(code, text);
  }
  for (const [code, text] of Object.entries(domain.en)) catalog.en.set(code, text as Text);
}

export function message(locale: Locale, code: MessageCode, params: MessageParams = {}): string {
  const text = catalog[locale].get(code);
  return text ? text(params) : code;
}
