// `npm run docs:screenshots`: copies the screenshots the e2e tests took (test-results/)
// that the user guide shows into docs/screenshots/, under stable names.
import { copyFileSync, existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';

const shots = {
  'start.png': '01-start.png',
  'home.png': '10-home-demo-checklist.png',
  'backups.png': '04-home-backups.png',
  'import-preview.png': 'import-01-preview.png',
  'import-summary.png': 'import-02-summary.png',
  'claim-editor.png': 'claims-02-editor-warning.png',
  'claim-approved.png': 'claims-04-step1-approved.png',
  'budgets.png': 'claims-06-budget-actual.png',
  'policy.png': 'claims-07-policy.png',
  'voucher-entry.png': 'ledger-02-voucher-entry.png',
  'trial-balance.png': 'ledger-04-trial-balance.png',
  'detail-ledger.png': 'ledger-05-detail-ledger.png',
  'periods.png': 'ledger-08-periods.png',
  'schedules.png': 'alloc-05-schedules.png',
  'allocation.png': 'alloc-02-result.png',
  'allocation-explain.png': 'alloc-03-explain.png',
  'allocation-whatif.png': 'alloc-03b-whatif.png',
  'profitability.png': 'alloc-04-profitability.png',
  'reports.png': 'reports-01-expense-by-category.png',
  'accounts.png': '02-accounts-zh.png',
  'voucher-en.png': 'ledger-11-voucher-en.png',
};

mkdirSync('docs/screenshots', { recursive: true });
let missing = 0;
for (const [name, from] of Object.entries(shots)) {
  const src = join('test-results', from);
  if (!existsSync(src)) {
    console.error(`missing ${src}: run npm run e2e first`);
    missing++;
    continue;
  }
  copyFileSync(src, join('docs/screenshots', name));
}
console.log(`${Object.keys(shots).length - missing} screenshots copied to docs/screenshots`);
process.exitCode = missing ? 1 : 0;
