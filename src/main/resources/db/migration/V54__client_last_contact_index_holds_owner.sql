-- Manager load counts the active clients of each owner (archived = false, grouped by owner). The index on
-- (archived, last_contact_at) served the condition but not the owner, so every active client's row was read: at
-- 100 000 clients on H2 about 0.6 s of the report's 0.9 s. With the owner at its end the same index answers it
-- alone (10 000 clients: 2 522 page reads → 431); the table keeps the same number of indexes to write.
DROP INDEX ix_client_last_contact;
CREATE INDEX ix_client_last_contact ON client (archived, last_contact_at, owner_id);
