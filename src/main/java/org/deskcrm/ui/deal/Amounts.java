package org.deskcrm.ui.deal;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.util.Locale;

/** Money and quantities as typed and shown on the client card's sales and needs sections. */
final class Amounts {
    private Amounts() {
    }

    /** "1 234,50", "1234.50", "1,234.50" → 1234.50; blank → null; not a number → throws NumberFormatException. */
    static BigDecimal parse(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String s = text.strip().replace("\u00a0", "").replace("\u202f", "").replace(" ", "");
        int comma = s.lastIndexOf(',');
        int dot = s.lastIndexOf('.');
        if (comma >= 0 && dot >= 0) {
            s = comma > dot ? s.replace(".", "").replace(',', '.') : s.replace(",", "");
        } else if (comma >= 0) {
            s = s.replace(',', '.');
        }
        return new BigDecimal(s);
    }

    static String money(BigDecimal v, Locale locale) {
        if (v == null) {
            return "";
        }
        NumberFormat f = NumberFormat.getNumberInstance(locale);
        f.setMinimumFractionDigits(2);
        f.setMaximumFractionDigits(2);
        return f.format(v);
    }

    static String plain(BigDecimal v, Locale locale) {
        if (v == null) {
            return "";
        }
        NumberFormat f = NumberFormat.getNumberInstance(locale);
        f.setGroupingUsed(false);
        f.setMaximumFractionDigits(4);
        return f.format(v);
    }
}
