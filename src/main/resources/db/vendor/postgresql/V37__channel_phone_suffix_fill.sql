-- Fills channel.digits_rev (V36) for the phones already stored: the digits of the E.164 value, reversed.
UPDATE channel SET digits_rev = NULLIF(reverse(regexp_replace(value_norm, '[^0-9]', '', 'g')), '')
WHERE value_norm LIKE '+%';
