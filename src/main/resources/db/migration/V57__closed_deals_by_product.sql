-- Stored totals of closed deals by main product (docs/decisions/0037-closed-deals-by-product.md): sales analysis's
-- default view (every deal closed in the period, grouped by its main product, ADR 0007 and 0031) read every closed
-- deal of the period (640 000 at 1 000 000 deals). Kept by the deal totals' mechanism in the same transaction as every
-- change of a deal, its stage or its lines. kind 'won' / 'lost': deals now in a stage of that kind, by the business
-- day they closed (day_no yyyymmdd) and its month (yyyymm, the roll-up of its days); product_id the deal's main
-- product, 0 for none. The won deals' cycles by main product are kept with the other lengths (duration_total,
-- duration_count: kind 'product', scope_id the main product, 0 for none).
CREATE TABLE product_total (
    kind VARCHAR(8) NOT NULL,
    product_id BIGINT NOT NULL,
    day_no INT NOT NULL,
    deal_count BIGINT NOT NULL,
    amount NUMERIC(20, 2) NOT NULL,
    CONSTRAINT pk_product_total PRIMARY KEY (kind, day_no, product_id)
);
-- The deal totals are built again at the first start (with progress), now with these.
DELETE FROM totals_state WHERE register = 'deal';
