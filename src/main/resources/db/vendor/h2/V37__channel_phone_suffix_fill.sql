-- Fills channel.digits_rev (V36) for the phones already stored, with the same function the program uses.
CREATE ALIAS deskcrm_reversed_digits FOR 'org.deskcrm.model.client.PhoneDigits.reversed';
UPDATE channel SET digits_rev = deskcrm_reversed_digits(value_norm) WHERE value_norm LIKE '+%';
DROP ALIAS deskcrm_reversed_digits;
