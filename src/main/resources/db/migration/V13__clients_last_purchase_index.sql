-- The client list sorts by last purchase with keyset paging: (last_purchase_on, id) lets both
-- the dated part and the "never bought" part of the list be read in index order.
CREATE INDEX ix_client_last_purchase ON client (last_purchase_on, id);
