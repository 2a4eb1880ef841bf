/**
 * The domains' `book check` parts, registered once. Imported by the service and by the
 * job worker (which runs `book.check` off the window's thread and has no service).
 */
import { registerCheck } from '../book/check';
import { checkPostedVouchers } from '../ledger/audit-check';
import { checkMasters } from '../masters/audit-check';
import { checkLedgerTotals } from '../ledger/totals-check';
import { checkRowLog } from '../book/row-log-check';
import { checkClaimLines } from '../claims/lines-hash';
import { checkAllocLines } from '../allocation/lines-hash';

registerCheck(checkPostedVouchers);
registerCheck(checkMasters);
registerCheck(checkLedgerTotals);
registerCheck(checkRowLog);
registerCheck(checkClaimLines);
registerCheck(checkAllocLines);
