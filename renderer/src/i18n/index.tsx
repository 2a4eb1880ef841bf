/**
 * UI language: zh-CN by default, English switchable. Each feature keeps its strings in
 * strings/<feature>.ts; a key used twice is an error at start-up.
 */
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { allocationStrings } from './strings/allocation';
import { appStrings } from './strings/app';
import { ledgerStrings } from './strings/ledger';
import { reportStrings } from './strings/reports';
import { backupStrings } from './strings/backups';
import { checklistStrings } from './strings/checklist';
import { claimsStrings } from './strings/claims';
import { importStrings } from './strings/import';
import { voucherStrings } from './strings/vouchers';
import { closingStrings } from './strings/closing';
import { approvalStrings } from './strings/approval';
import { homeStrings } from './strings/home';
import { roiStrings } from './strings/roi';
import { settingsStrings } from './strings/settings';

export type Locale = 'zh-CN' | 'en';

const domains = [appStrings, backupStrings, checklistStrings, reportStrings, ledgerStrings, allocationStrings, claimsStrings, importStrings, closingStrings, voucherStrings, approvalStrings, homeStrings, roiStrings, settingsStrings] as const;
type Keys = (typeof domains)[number] extends infer D ? (D extends { zh: infer Z } ? keyof Z & string : never) : never;
export type StringKey = Keys;

const tables: Record<Locale, Map<string, string>> = { 'zh-CN': new Map(), en: new Map() };
for (const d of domains) {
  for (const [k, v] of Object.entries(d.zh)) {
    if (tables['zh-CN'].has(k)) throw new Error(`UI string defined twice: ${k}`);
    tables['zh-CN'].set(k, v);
  }
  for (const [k, v] of Object.entries(d.en)) tables.en.set(k, v as string);
}

export type T = (key: StringKey, params?: Record<string, string | number>) => string;

export function translate(locale: Locale, key: StringKey, params?: Record<string, string | number>): string {
  const text = tables[locale].get(key) ?? key;
  return params ? text.replace(/\{(\w+)\}/g, (_, p: string) => String(params[p] ?? `{${p}}`)) : text;
}

interface I18n {
  locale: Locale;
  setLocale(l: Locale): void;
  t: T;
}

const Ctx = createContext<I18n | null>(null);

/** The UI language, remembered; the frame (App.tsx) tells the core when it changes. */
export function I18nProvider({ children }: { children: ReactNode }) {
  const [locale, setLocaleState] = useState<Locale>(() => (localStorage.getItem('client-ledger-locale') as Locale | null) ?? 'zh-CN');
  const setLocale = useCallback((l: Locale) => {
    localStorage.setItem('client-ledger-locale', l);
    setLocaleState(l);
  }, []);
  // The page's lang picks the fonts' language forms; it must be right from the first paint, not only after a switch.
  useEffect(() => {
    document.documentElement.lang = locale;
  }, [locale]);
  const t = useCallback<T>((key, params) => translate(locale, key, params), [locale]);
  const value = useMemo(() => ({ locale, setLocale, t }), [locale, setLocale, t]);
  return <Ctx.Provider value={value}>{children}</Ctx.Provider>;
}

export function useI18n(): I18n {
  const v = useContext(Ctx);
  if (!v) throw new Error('useI18n outside I18nProvider');
  return v;
}
