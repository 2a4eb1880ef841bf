/** The navigation: one entry per feature page, in menu order. */
import type { ComponentType } from 'react';
import type { StringKey } from '../i18n/index';
import { AccountsPage } from './AccountsPage';
import { AllocationPage } from './allocation/AllocationPage';
import { ProfitabilityPage } from './allocation/ProfitabilityPage';
import { SchedulesPage } from './allocation/SchedulesPage';
import { HelpPage } from './HelpPage';
import { HomePage } from './HomePage';
import { ReportsPage } from './ReportsPage';

export interface PageEntry {
  key: string;
  label: StringKey;
  component: ComponentType;
}

export const pages: PageEntry[] = [
  { key: 'home', label: 'nav.home', component: HomePage },
  { key: 'accounts', label: 'nav.accounts', component: AccountsPage },
  { key: 'schedules', label: 'nav.schedules', component: SchedulesPage },
  { key: 'allocation', label: 'nav.allocation', component: AllocationPage },
  { key: 'profitability', label: 'nav.profitability', component: ProfitabilityPage },
  { key: 'reports', label: 'nav.reports', component: ReportsPage },
  { key: 'help', label: 'nav.help', component: HelpPage },
];

/** Features whose pages are still to come: shown in the menu, disabled. */
export const upcoming: StringKey[] = [
  'nav.vouchers',
  'nav.masters',
  'nav.import',
  'nav.claims',
  'nav.budgets',
  'nav.periods',
];
