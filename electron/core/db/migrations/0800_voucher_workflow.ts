/**
 * Vouchers as 金蝶/用友 users know them (ledger/workflow.ts): 凭证字 (记, or 收/付/转), a number
 * per 字 and period (word_no) beside the period-wide posting sequence (number, which keeps
 * its UNIQUE (period, number) from 0001 and the gapless-at-posting guarantee), 附单据张数,
 * and the review stamp of 制单 → 审核 → 记账. "Reviewed" is a draft with a review stamp:
 * status keeps its two values (posted or not: the ledger's fact), so 0001's CHECK stands.
 *
 * Triggers, the database's own second line of defence:
 * - a reviewed voucher is frozen (lines and header) until 反审核 clears the stamp;
 * - posting needs a review when the book requires one; a self-review only when the book
 *   allows it; the stamp's kind must say what happened (self, other, generated);
 * - posted vouchers stay immutable, except that 凭证整理 may change number and word_no of a
 *   posted voucher in an open period while its permit row (voucher_renumber) exists in the
 *   same transaction; every other column must stay as it was.
 */
export const up = `
ALTER TABLE voucher ADD COLUMN word TEXT NOT NULL DEFAULT '记' CHECK (word IN ('记','收','付','转'));
ALTER TABLE voucher ADD COLUMN word_no INTEGER;
ALTER TABLE voucher ADD COLUMN attachments INTEGER NOT NULL DEFAULT 0 CHECK (attachments BETWEEN 0 AND 9999);
ALTER TABLE voucher ADD COLUMN reviewed_at TEXT;
ALTER TABLE voucher ADD COLUMN reviewed_by TEXT;
ALTER TABLE voucher ADD COLUMN review_kind TEXT CHECK (review_kind IN ('other','self','generated'));

-- Every voucher so far was 记 and numbered per period: its word number is its number.
UPDATE voucher SET word_no = number WHERE number IS NOT NULL;
CREATE UNIQUE INDEX ux_voucher_word_no ON voucher(period, word, word_no);
-- 序时账 by date then number, keyset-paged.
CREATE INDEX ix_voucher_journal ON voucher(period, date, number) WHERE status = 'posted';

CREATE TABLE voucher_renumber (period TEXT PRIMARY KEY) STRICT;

DROP TRIGGER tr_voucher_posted_upd;
CREATE TRIGGER tr_voucher_posted_upd BEFORE UPDATE ON voucher
WHEN OLD.status = 'posted' AND NOT (
  (SELECT 1 FROM voucher_renumber r WHERE r.period = OLD.period) IS NOT NULL
  AND NEW.status = 'posted' AND NEW.id = OLD.id AND NEW.period = OLD.period AND NEW.date = OLD.date AND NEW.memo = OLD.memo
  AND NEW.source_type IS OLD.source_type AND NEW.source_id IS OLD.source_id AND NEW.reverses_id IS OLD.reverses_id
  AND NEW.created_at = OLD.created_at AND NEW.created_by = OLD.created_by AND NEW.posted_at IS OLD.posted_at AND NEW.posted_by IS OLD.posted_by
  AND NEW.word = OLD.word AND NEW.attachments = OLD.attachments
  AND NEW.reviewed_at IS OLD.reviewed_at AND NEW.reviewed_by IS OLD.reviewed_by AND NEW.review_kind IS OLD.review_kind)
BEGIN SELECT RAISE(ABORT, 'posted voucher is immutable'); END;

CREATE TRIGGER tr_voucher_reviewed_upd BEFORE UPDATE ON voucher
WHEN OLD.status = 'draft' AND OLD.reviewed_by IS NOT NULL AND NEW.reviewed_by IS NOT NULL AND (
  NEW.period IS NOT OLD.period OR NEW.date IS NOT OLD.date OR NEW.memo IS NOT OLD.memo OR NEW.word IS NOT OLD.word
  OR NEW.attachments IS NOT OLD.attachments OR NEW.created_by IS NOT OLD.created_by OR NEW.reverses_id IS NOT OLD.reverses_id
  OR NEW.reviewed_by IS NOT OLD.reviewed_by OR NEW.reviewed_at IS NOT OLD.reviewed_at OR NEW.review_kind IS NOT OLD.review_kind)
BEGIN SELECT RAISE(ABORT, 'reviewed voucher is frozen: unreview it first'); END;
CREATE TRIGGER tr_voucher_reviewed_del BEFORE DELETE ON voucher
WHEN OLD.reviewed_by IS NOT NULL
BEGIN SELECT RAISE(ABORT, 'reviewed voucher is frozen: unreview it first'); END;

CREATE TRIGGER tr_voucher_review_stamp BEFORE UPDATE OF reviewed_by, review_kind ON voucher
WHEN NEW.reviewed_by IS NOT NULL AND (
  NEW.review_kind IS NULL OR NEW.reviewed_at IS NULL
  OR (NEW.review_kind = 'other' AND NEW.reviewed_by = NEW.created_by COLLATE NOCASE)
  OR (NEW.review_kind = 'self' AND NEW.reviewed_by <> NEW.created_by COLLATE NOCASE)
  OR (NEW.review_kind = 'self' AND coalesce((SELECT value FROM book_meta WHERE key = 'voucher_self_review'), '0') <> '1'))
BEGIN SELECT RAISE(ABORT, 'review stamp does not match the book''s review rules'); END;

CREATE TRIGGER tr_voucher_post_reviewed BEFORE UPDATE OF status ON voucher
WHEN OLD.status = 'draft' AND NEW.status = 'posted' AND NEW.reviewed_by IS NULL
  AND coalesce((SELECT value FROM book_meta WHERE key = 'voucher_review_required'), '1') = '1'
BEGIN SELECT RAISE(ABORT, 'voucher must be reviewed before posting'); END;

CREATE TRIGGER tr_line_reviewed_ins BEFORE INSERT ON voucher_line
WHEN (SELECT reviewed_by FROM voucher WHERE id = NEW.voucher_id) IS NOT NULL
BEGIN SELECT RAISE(ABORT, 'reviewed voucher is frozen: unreview it first'); END;
CREATE TRIGGER tr_line_reviewed_upd BEFORE UPDATE ON voucher_line
WHEN OLD.posted = 0 AND (SELECT reviewed_by FROM voucher WHERE id = OLD.voucher_id) IS NOT NULL AND NOT (
  NEW.posted = 1 AND NEW.voucher_id = OLD.voucher_id AND NEW.line_no = OLD.line_no AND NEW.period = OLD.period
  AND NEW.account_code = OLD.account_code AND NEW.debit_fen = OLD.debit_fen AND NEW.credit_fen = OLD.credit_fen AND NEW.memo = OLD.memo
  AND NEW.customer_id IS OLD.customer_id AND NEW.employee_id IS OLD.employee_id AND NEW.department_id IS OLD.department_id AND NEW.category_id IS OLD.category_id)
BEGIN SELECT RAISE(ABORT, 'reviewed voucher is frozen: unreview it first'); END;
CREATE TRIGGER tr_line_reviewed_del BEFORE DELETE ON voucher_line
WHEN (SELECT reviewed_by FROM voucher WHERE id = OLD.voucher_id) IS NOT NULL
BEGIN SELECT RAISE(ABORT, 'reviewed voucher is frozen: unreview it first'); END;
`;
