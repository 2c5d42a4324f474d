-- Failed sign-in attempts per login (lower-cased), kept in the database so that restarting the
-- application does not reset the doubling delay between attempts (ADR 0011). A successful sign-in
-- removes the login's row.
CREATE TABLE sign_in_failure (
    login          VARCHAR(100) NOT NULL PRIMARY KEY,
    failures       INTEGER NOT NULL,
    locked_until   TIMESTAMP WITH TIME ZONE,
    last_failed_at TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT ck_sign_in_failure_count CHECK (failures > 0)
);
