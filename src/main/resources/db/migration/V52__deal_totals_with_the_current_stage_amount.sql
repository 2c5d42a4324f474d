-- The snapshot funnel from the stored totals (docs/decisions/0030-snapshot-funnel-from-the-totals.md). A "created"
-- row now also sums, over its deals, the amount each had when it entered its current stage (stage_amount: the
-- amount of the deal's open stage history row, which an amount edit leaves as it was); the other kinds keep 0.
-- The rows of the old layout are dropped with the register's state row, so the first start rebuilds the totals
-- from the records (with progress), as for a database that never had them.
ALTER TABLE deal_total ADD COLUMN stage_amount NUMERIC(20, 2) DEFAULT 0 NOT NULL;
DELETE FROM deal_total;
DELETE FROM totals_state WHERE register = 'deal';
