-- Migration of a company's history (ADR 0005/0006): the source system's keys, so that re-importing the
-- same file updates the records instead of adding them; a deal may have no client (as in amoCRM and
-- Salesforce: reports count such deals under "no client"); the attributes sales analysis groups by.
ALTER TABLE deal ALTER COLUMN client_id DROP NOT NULL;
ALTER TABLE deal ADD COLUMN external_id VARCHAR(200);
ALTER TABLE deal ADD CONSTRAINT uq_deal_external_id UNIQUE (external_id);
ALTER TABLE client ADD COLUMN external_id VARCHAR(200);
ALTER TABLE client ADD CONSTRAINT uq_client_external_id UNIQUE (external_id);
-- The office a person works from (a regional office of a sales team), for sales analysis by office.
ALTER TABLE app_user ADD COLUMN office VARCHAR(200);
-- A product's series or group (sales analysis by product group); its code is the existing sku.
ALTER TABLE product ADD COLUMN product_group VARCHAR(200);
