-- Search and sort keys compare by code point on both databases, so that prefix search as a range
-- predicate (key >= 'abc' AND key < 'abc' || U+FFFF) is exact and uses the index. H2 already
-- compares this way; PostgreSQL's linguistic collations would not.
ALTER TABLE client ALTER COLUMN name_norm TYPE VARCHAR(300) COLLATE "C";
ALTER TABLE client ALTER COLUMN inn TYPE VARCHAR(12) COLLATE "C";
ALTER TABLE channel ALTER COLUMN value_norm TYPE VARCHAR(320) COLLATE "C";
ALTER TABLE deal ALTER COLUMN title_norm TYPE VARCHAR(300) COLLATE "C";
ALTER TABLE phone_call ALTER COLUMN phone_norm TYPE VARCHAR(32) COLLATE "C";
ALTER TABLE phone_list_entry ALTER COLUMN phone_norm TYPE VARCHAR(32) COLLATE "C";
