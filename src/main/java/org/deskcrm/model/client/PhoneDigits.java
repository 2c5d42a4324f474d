package org.deskcrm.model.client;

/**
 * The search key of a phone channel: the digits of its E.164 value in reverse order, so that the last
 * digits a caller ID shows ("311-2424") become a prefix that an index range finds (ADR 0009).
 */
public final class PhoneDigits {
    /** Fewer trailing digits than this match too many numbers to be a search. */
    public static final int MIN_SUFFIX = 4;

    private PhoneDigits() {
    }

    /** The reversed digits of a normalized phone ("+13123112424" → "42421132131"), else null (emails, names). */
    public static String reversed(String normalized) {
        if (normalized == null || !normalized.startsWith("+")) {
            return null;
        }
        String digits = normalized.substring(1).replaceAll("\\D", "");
        return digits.isEmpty() ? null : new StringBuilder(digits).reverse().toString();
    }

    /** The reversed digits of whatever was typed ("311-2424" → "4242113"), or null for fewer than {@link #MIN_SUFFIX}. */
    public static String reversedSuffix(String typed) {
        String digits = typed == null ? "" : typed.replaceAll("\\D", "");
        return digits.length() < MIN_SUFFIX ? null : new StringBuilder(digits).reverse().toString();
    }
}
