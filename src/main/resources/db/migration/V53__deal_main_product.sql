-- Each deal keeps its main product (docs/decisions/0031-main-product-on-the-deal.md): the product of its line with
-- the largest amount, the first line on a tie (ADR 0007), which sales analysis found by reading every line of the
-- database (1.27 M lines at 1 000 000 deals, about 1 s on H2). Every writer of a deal's lines writes it; the deal
-- totals' rebuild recomputes it from the lines and counts the deals it repaired. The first start fills the column
-- (with progress) and records it in totals_state ('main_product'); until then sales analysis reads the lines as
-- before. The closed-deals index gains the column so that sales analysis still reads the index alone.
ALTER TABLE deal ADD COLUMN main_product_id BIGINT;
DROP INDEX ix_deal_closed_facts;
CREATE INDEX ix_deal_closed_facts ON deal (closed_at, stage_id, owner_id, source_id, pipeline_id, amount, created_at, client_id, main_product_id);
