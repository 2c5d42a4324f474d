-- H2 has no database roles (one file, one login): nothing to take away. This version exists so that both
-- databases share one schema version and their backups restore across them.
SELECT 1;
