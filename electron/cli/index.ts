/** The client-ledger command line: plain Node on top of the core. */
import { allocationCommands } from './commands/allocation';
import { bookCommands } from './commands/book';
import { reportCommands } from './commands/report';
import { claimsCommands } from './commands/claims';
import { ledgerCommands } from './commands/ledger';
import { periodCommands } from './commands/period';
import { importCommands } from './commands/import';
import { vouchersCommands } from './commands/vouchers';
import { invoicesCommands } from './commands/invoices';
import { runCli, type Command } from './run';

const usage = `client-ledger — 客户费用账本 command line

  book create BOOK [--company NAME] [--standard small|enterprise] [--first-period YYYY-MM] [--tax-id ID] [--taxpayer general|small] [--demo]
  book set BOOK [--tax-id ID] [--taxpayer general|small] [--vat-rate PCT] [--small-rate 3|1]
                                     纳税人识别号 (invoice buyer check); 一般纳税人 / 小规模纳税人 and VAT rates
  book check BOOK [--full]            integrity (quick; --full: every index entry), balance, audit chain
  book backup BOOK OUT                consistent copy with SQLite's backup API
  report NAME BOOK --from YYYY-MM --to YYYY-MM [--out FILE.xlsx] [--account CODE]
  claims list BOOK | claims show BOOK ID
  claims submit|approve|reject|pay BOOK ID --as USER [--comment TEXT] [--reason TEXT]
                                      pay: [--account CODE] (bank or cash leaf, default 银行存款) [--date YYYY-MM-DD] (default today)
                                      (password of USER, if any, from CLIENT_LEDGER_PASSWORD)
  report pack BOOK --from YYYY-MM --to YYYY-MM --out FILE.xlsx   every report of the period in one workbook
  export hledger BOOK [--out FILE]    plain-text accounting journal (hledger -f FILE bal)
  export claim-template BOOK --out FILE.xlsx [--employee CODE]
                                      费用报销单 template: one form per employee, drop-downs
                                      for category and customer; imports back as it is filled
  period transfer-pl BOOK YYYY-MM     结转损益: P&L to 本年利润 (December: also to 利润分配-未分配利润)
  period close BOOK YYYY-MM [--confirm-future]   in order; exit 2 with the 结账检查's blockers
  period reopen BOOK YYYY-MM --reason TEXT       the latest closed period only
  allocate BOOK --period YYYY-MM [--post]   allocate overhead with the saved rules (--post: reclass voucher)
  allocation rules BOOK | allocation rule-add BOOK 'RULE-JSON'
  schedule add BOOK 'SCHEDULE-JSON' | schedule list BOOK | schedule run BOOK --period YYYY-MM
  import KIND BOOK FILE [--sheet NAME] [--as claims|vouchers] [--rejects OUT.xlsx]
                                      KIND: expenses customers employees accounts revenue drivers
                                      timesheets opening-balances vouchers invoices
                                      (expenses: tables and 费用报销单 forms; invoices: the
                                      电子税务局 export .xlsx, a 数电票 .xml or .pdf)
  invoices match BOOK --from YYYY-MM --to YYYY-MM   every claim line's invoice against the ledger
  import batches BOOK | import undo BOOK BATCH_ID
  vouchers review|unreview|post BOOK ID --as USER   审核 / 反审核 / 记账 (ID: voucher id, or 记-0003 with --period)
  vouchers print BOOK --from YYYY-MM --to YYYY-MM --out FILE.pdf [--layout a4|voucher]
  vouchers renumber BOOK --period YYYY-MM          凭证整理: renumber an open period in date order
  vouchers settings BOOK [--review-required yes|no] [--self-review yes|no] [--words 记|收付转|记收付转]
  vouchers list BOOK [--period YYYY-MM]

Every command takes --json (one JSON document on stdout) and --lang zh-CN|en; --help (-h) prints this.
Exit codes: 0 success, 2 bad input (nothing written), 1 internal error.`;

const commands: Record<string, Command> = { ...bookCommands, ...ledgerCommands, ...periodCommands, ...reportCommands, ...claimsCommands, ...allocationCommands, ...importCommands, ...vouchersCommands, ...invoicesCommands };

process.exitCode = await runCli(process.argv.slice(2), commands, usage);
