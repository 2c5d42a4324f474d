-- Phone search by the last digits (ADR 0009): the digits of an E.164 phone reversed, so that a suffix
-- typed by the user ("311-2424") is a prefix range on this index. NULL for channels that are not phones.
-- Filled by every write of channel rows; existing rows are filled by V37 (per database, db/vendor).
ALTER TABLE channel ADD COLUMN digits_rev VARCHAR(32);
CREATE INDEX ix_channel_digits_rev ON channel (digits_rev, client_id);
