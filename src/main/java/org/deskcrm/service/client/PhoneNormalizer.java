package org.deskcrm.service.client;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber;

import java.util.Locale;
import java.util.Optional;

/**
 * Turns a phone number typed in any format ("8 (912) 345-67-89", "+7 912 3456789", "79123456789")
 * into E.164 ("+79123456789") so that any incoming number finds its card. Uses libphonenumber with a
 * default region (Russia unless configured) for numbers written without a country code.
 */
public final class PhoneNormalizer {
    private static final java.util.regex.Pattern NOT_DIGIT = java.util.regex.Pattern.compile("\\D");

    private final PhoneNumberUtil util = PhoneNumberUtil.getInstance();
    private volatile String defaultRegion;

    public PhoneNormalizer(String defaultRegion) {
        this.defaultRegion = defaultRegion == null ? "RU" : defaultRegion.toUpperCase(Locale.ROOT);
    }

    public String defaultRegion() {
        return defaultRegion;
    }

    /** Reads national numbers of another region from now on (the business region was changed in Settings). */
    public void setDefaultRegion(String region) {
        if (isRegion(region)) {
            this.defaultRegion = region.toUpperCase(Locale.ROOT);
        }
    }

    /** Whether libphonenumber knows this two-letter region code ("US", "RU", "GB"...). */
    public static boolean isRegion(String region) {
        return region != null && PhoneNumberUtil.getInstance().getSupportedRegions()
                .contains(region.toUpperCase(Locale.ROOT));
    }

    /** Every region libphonenumber can read national numbers of, sorted by code. */
    public static java.util.List<String> regions() {
        return PhoneNumberUtil.getInstance().getSupportedRegions().stream().sorted().toList();
    }

    /** The country calling code of a region ("US" → 1, "RU" → 7). */
    public static int callingCode(String region) {
        return PhoneNumberUtil.getInstance().getCountryCodeForRegion(region.toUpperCase(Locale.ROOT));
    }

    /** The E.164 form, or empty when the text is not a possible phone number. */
    public Optional<String> normalize(String raw) {
        if (raw == null) {
            return Optional.empty();
        }
        String text = raw.strip();
        if (text.isEmpty() || text.chars().filter(Character::isDigit).count() < 5) {
            return Optional.empty();
        }
        String candidate = text;
        String digits = NOT_DIGIT.matcher(text).replaceAll("");
        // Russian habit: 8XXXXXXXXXX for +7XXXXXXXXXX; a bare 7XXXXXXXXXX (as PBXes log it) too
        if ("RU".equals(defaultRegion) || "KZ".equals(defaultRegion)) {
            if (!text.startsWith("+") && digits.length() == 11 && (digits.startsWith("8") || digits.startsWith("7"))) {
                candidate = "+7" + digits.substring(1);
            }
        }
        if (!candidate.startsWith("+") && digits.length() > 11 && !digits.startsWith("0")) {
            candidate = "+" + digits; // international number logged without '+' (e.g. 49301234567...)
        }
        try {
            Phonenumber.PhoneNumber number = util.parse(candidate, defaultRegion);
            if (!util.isPossibleNumber(number)) {
                return Optional.empty();
            }
            return Optional.of(util.format(number, PhoneNumberUtil.PhoneNumberFormat.E164));
        } catch (NumberParseException e) {
            return Optional.empty();
        }
    }

    /** E.164 when possible, otherwise the digits alone (so an odd PBX number still matches itself). */
    public String normalizeOrDigits(String raw) {
        return normalize(raw).orElseGet(() -> raw == null ? "" : NOT_DIGIT.matcher(raw).replaceAll(""));
    }

    /** Whether the number is valid for its region (stricter than possible). */
    public boolean isValid(String raw) {
        return normalize(raw).map(e164 -> {
            try {
                return util.isValidNumber(util.parse(e164, defaultRegion));
            } catch (NumberParseException e) {
                return false;
            }
        }).orElse(false);
    }

    /**
     * How a stored number is shown everywhere (lists, cards, search, exports): read as the business region
     * reads it and written in the international format ("+7 912 345-67-89", "+1 312-311-2424"); a text
     * that is not a phone number is shown as it was typed (ADR 0017).
     */
    public String shown(String raw) {
        if (raw == null) {
            return null;
        }
        return normalize(raw).map(this::display).orElse(raw);
    }

    /** A readable international form for display, e.g. "+7 912 345-67-89". */
    public String display(String e164) {
        try {
            return util.format(util.parse(e164, defaultRegion), PhoneNumberUtil.PhoneNumberFormat.INTERNATIONAL);
        } catch (NumberParseException e) {
            return e164;
        }
    }
}
