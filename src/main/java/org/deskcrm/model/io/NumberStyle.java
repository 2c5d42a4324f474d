package org.deskcrm.model.io;

import java.util.Locale;

/**
 * How a file writes its numbers, decided once per file: the decimal mark is a point ({@code 12,500.75},
 * {@code 12 500.75}) or a comma ({@code 12.500,75}, {@code 12 500,75}); the other mark, a space, a
 * no-break space or an apostrophe may group thousands. {@link #AUTO}: detected from all the file's
 * numbers (see ADR 0005).
 */
public enum NumberStyle {
    AUTO, POINT, COMMA;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The style for a command-line or profile code ("point", "comma", "auto"), or null. */
    public static NumberStyle ofCode(String code) {
        for (NumberStyle s : values()) {
            if (s.code().equalsIgnoreCase(code == null ? "" : code.strip())) {
                return s;
            }
        }
        return null;
    }
}
