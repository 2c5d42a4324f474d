-- H2 has no per-person database roles (ADR 0015): nothing to grant. This version exists on both databases so that
-- a backup taken on one restores on the other (a backup records its schema version).
SELECT 1;
