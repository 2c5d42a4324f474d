-- PostgreSQL needs nothing here: it never adds an index for a foreign key by itself, so each key is
-- already served by its ix_ index alone. This script exists so that both vendors reach the same schema
-- version (27); a backup records the version and is restored across vendors (H2 <-> PostgreSQL).
SELECT 1;
