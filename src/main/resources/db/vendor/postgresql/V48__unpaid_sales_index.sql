-- Receivables read only the sales not fully paid (docs/decisions/0028-unpaid-sales-index.md): a column the database
-- computes from the amounts (no program writes it) and a covering index that leads with it. At 1 000 000 deals
-- 54 000 of 412 000 sales are unpaid; reading them all took 1.2-2.0 s on H2.
ALTER TABLE sale ADD COLUMN unpaid BOOLEAN GENERATED ALWAYS AS (amount > paid_amount) STORED;
CREATE INDEX ix_sale_unpaid ON sale (unpaid, sale_date, client_id, owner_id, due_date, amount, paid_amount);
