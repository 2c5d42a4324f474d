package org.deskcrm.service.export;

/**
 * Keeps a CSV text cell from running as a formula when the file is opened in a spreadsheet (OWASP
 * "CSV injection"): a text starting with {@code =}, {@code +}, {@code -}, {@code @}, a tab or a carriage
 * return gets a leading apostrophe, which spreadsheets show as plain text. Only text goes through
 * here: numbers, negative ones included, are written as numbers (ADR 0011).
 */
public final class CsvFormulaGuard {
    private CsvFormulaGuard() {
    }

    public static String text(String value) {
        if (value.isEmpty()) {
            return value;
        }
        char first = value.charAt(0);
        boolean formula = first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r';
        return formula ? "'" + value : value;
    }
}
