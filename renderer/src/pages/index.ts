/** The navigation: one entry per feature page, in menu order. */
import type { ComponentType } from 'react';
import type { StringKey } from '../i18n/index';
import { AccountsPage } from './AccountsPage';
import { AllocationPage } from './allocation/AllocationPage';
import { ProfitabilityPage } from './allocation/ProfitabilityPage';
import { SchedulesPage } from './allocation/SchedulesPage';
import { HelpPage } from './HelpPage';
import { HomePage } from './HomePage';
import { ImportPage } from './ImportPage';
import { LedgerPage } from './LedgerPage';
import { MastersPage } from './MastersPage';
import { PeriodsPage } from './PeriodsPage';
import { VouchersPage } from './VouchersPage';
import { ReportsPage } from './ReportsPage';
import { ClaimsPage } from './ClaimsPage';
import { BudgetsPage } from './BudgetsPage';
import { PolicyPage } from './PolicyPage';
import { UsersPage } from './UsersPage';

export interface PageEntry {
  key: string;
  label: StringKey;
  component: ComponentType;
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
  { key: 'help', label: 'nav.help', component: HelpPage, setup: true },
];
