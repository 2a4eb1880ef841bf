/**
 * An imported expense line is a duplicate of an earlier imported claim line with the same
 * (date, employee, customer, category, amount, description) (docs/domain.md). The claim lines
 * themselves answer that, through this index (the category index, with the amount added:
 * the policy's day and month sums still read its first two columns), so an import no
 * longer writes a second record with a fingerprint for every claim line.
 */
export const up = `
DROP INDEX ix_claim_line_category;
CREATE INDEX ix_claim_line_category ON claim_line(category_id, date, amount_fen);
`;
