-- H2 compares strings by code point already (see the PostgreSQL twin of this migration).
SELECT 1;
