package org.deskcrm.model.io;

/**
 * How a file writes its dates, decided once per file (an optional time {@code H:mm[:ss]} may follow
 * any of them). ISO dates ({@code 2026-03-31}, also what a workbook's date cells read as) are accepted
 * under every style. A two-digit year is read only under a style that says so. {@link #AUTO}: detected
 * from all the file's dates (see ADR 0005).
 */
public enum DateStyle {
    AUTO("auto"), ISO("yyyy-MM-dd"), DAY_DOT("dd.MM.yyyy"), MONTH_SLASH("MM/dd/yyyy"), DAY_SLASH("dd/MM/yyyy"),
    DAY_DOT_SHORT("dd.MM.yy"), MONTH_SLASH_SHORT("MM/dd/yy"), DAY_SLASH_SHORT("dd/MM/yy");

    private final String pattern;

    DateStyle(String pattern) {
        this.pattern = pattern;
    }

    /** The pattern as the user writes it ({@code dd.MM.yyyy}), also the command-line and profile code. */
    public String pattern() {
        return pattern;
    }

    public char separator() {
        return pattern.contains(".") ? '.' : pattern.contains("/") ? '/' : '-';
    }

    public boolean dayFirst() {
        return pattern.startsWith("dd");
    }

    public boolean shortYear() {
        return pattern.endsWith("/yy") || pattern.endsWith(".yy");
    }

    /** The style for a pattern ("dd.MM.yyyy", "MM/dd/yyyy", "auto"...), or null. */
    public static DateStyle ofCode(String code) {
        for (DateStyle s : values()) {
            if (s.pattern.equalsIgnoreCase(code == null ? "" : code.strip()) || s.name().equalsIgnoreCase(
                    code == null ? "" : code.strip())) {
                return s;
            }
        }
        return null;
    }
}
