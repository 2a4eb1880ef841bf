/** The navigation: one entry per feature page, in menu order. */
import { lazy, type ComponentType, type LazyExoticComponent } from 'react';
import type { StringKey } from '../i18n/index';
import { HomePage } from './HomePage';

/**
 * Every page but home is its own chunk, fetched the first time it is shown: the first
 * screen loads only what it draws, and ag-grid, ECharts, marked and the guide come with
 * the pages that use them (a single 4.5 MB script before).
 */
const page = <K extends string>(load: () => Promise<Record<K, ComponentType>>, name: K) => lazy(() => load().then((m) => ({ default: m[name] })));

const ImportPage = page(() => import('./ImportPage'), 'ImportPage');
const ClaimsPage = page(() => import('./ClaimsPage'), 'ClaimsPage');
const BudgetsPage = page(() => import('./BudgetsPage'), 'BudgetsPage');
const VouchersPage = page(() => import('./VouchersPage'), 'VouchersPage');
const LedgerPage = page(() => import('./LedgerPage'), 'LedgerPage');
const SchedulesPage = page(() => import('./allocation/SchedulesPage'), 'SchedulesPage');
const AllocationPage = page(() => import('./allocation/AllocationPage'), 'AllocationPage');
const ProfitabilityPage = page(() => import('./allocation/ProfitabilityPage'), 'ProfitabilityPage');
const ReportsPage = page(() => import('./ReportsPage'), 'ReportsPage');
const PeriodsPage = page(() => import('./PeriodsPage'), 'PeriodsPage');
const AccountsPage = page(() => import('./AccountsPage'), 'AccountsPage');
const MastersPage = page(() => import('./MastersPage'), 'MastersPage');
const PolicyPage = page(() => import('./PolicyPage'), 'PolicyPage');
const UsersPage = page(() => import('./UsersPage'), 'UsersPage');
const SettingsPage = page(() => import('./SettingsPage'), 'SettingsPage');
const HelpPage = page(() => import('./HelpPage'), 'HelpPage');

export interface PageEntry {
  key: string;
  label: StringKey;
  component: ComponentType | LazyExoticComponent<ComponentType>;
  /** Setup pages sit below a divider, after the monthly work. */
  setup?: boolean;
}

/** In the order of the monthly round, then the book's setup. */
export const pages: PageEntry[] = [
  { key: 'home', label: 'nav.home', component: HomePage },
  { key: 'import', label: 'nav.import', component: ImportPage },
  { key: 'claims', label: 'nav.claims', component: ClaimsPage },
  { key: 'budgets', label: 'nav.budgets', component: BudgetsPage },
  { key: 'vouchers', label: 'nav.vouchers', component: VouchersPage },
  { key: 'ledger', label: 'nav.ledger', component: LedgerPage },
  { key: 'schedules', label: 'nav.schedules', component: SchedulesPage },
  { key: 'allocation', label: 'nav.allocation', component: AllocationPage },
  { key: 'profitability', label: 'nav.profitability', component: ProfitabilityPage },
  { key: 'reports', label: 'nav.reports', component: ReportsPage },
  { key: 'periods', label: 'nav.periods', component: PeriodsPage },
  { key: 'accounts', label: 'nav.accounts', component: AccountsPage, setup: true },
  { key: 'masters', label: 'nav.masters', component: MastersPage, setup: true },
  { key: 'policy', label: 'nav.policy', component: PolicyPage, setup: true },
  { key: 'users', label: 'nav.users', component: UsersPage, setup: true },
  { key: 'settings', label: 'nav.settings', component: SettingsPage, setup: true },
  { key: 'help', label: 'nav.help', component: HelpPage, setup: true },
];
