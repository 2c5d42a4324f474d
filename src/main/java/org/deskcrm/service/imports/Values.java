package org.deskcrm.service.imports;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Checks of cell texts that need no file-wide format: yes/no words, e-mail, website (numbers and dates
 * are read by {@link CellFormats}, decided once per file).
 */
final class Values {
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s.]{2,}$");
    private static final Pattern WEBSITE = Pattern.compile("^(https?://)?[^\\s/]+\\.[^\\s/]{2,}(/\\S*)?$");

    private Values() {
    }

    static Boolean bool(String s) {
        return switch (s.strip().toLowerCase(Locale.ROOT)) {
            case "1", "true", "yes", "y", "+", "да", "д", "истина" -> Boolean.TRUE;
            case "0", "false", "no", "n", "-", "нет", "н", "ложь" -> Boolean.FALSE;
            default -> null;
        };
    }

    static boolean email(String s) {
        return EMAIL.matcher(s).matches();
    }

    static boolean website(String s) {
        return WEBSITE.matcher(s).matches();
    }
}
