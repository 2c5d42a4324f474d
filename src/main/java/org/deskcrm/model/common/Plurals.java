package org.deskcrm.model.common;

import java.util.Locale;

/**
 * The plural form of a count in the user's language. A bundle text with plural forms lists them separated by
 * {@code |}: English "one|other" ({@code 1 sale|{0} sales}), Russian "one|few|many"
 * ({@code {0} продажа|{0} продажи|{0} продаж}: 1, 21 продажа; 2–4, 22 продажи; 5–20, 11–14 продаж).
 */
public final class Plurals {
    private Plurals() {
    }

    /** The form of {@code forms} for {@code n} (a text without {@code |} is its only form). */
    public static String form(String forms, long n, Locale locale) {
        String[] f = forms.split("\\|", -1);
        return f[Math.min(index(n, locale), f.length - 1)];
    }

    /** 0 for "one", 1 for "few" (Russian) or "other" (English), 2 for Russian "many". */
    static int index(long n, Locale locale) {
        long a = Math.abs(n);
        if ("ru".equals(locale.getLanguage())) {
            long ten = a % 10;
            long hundred = a % 100;
            if (ten == 1 && hundred != 11) {
                return 0;
            }
            return ten >= 2 && ten <= 4 && (hundred < 12 || hundred > 14) ? 1 : 2;
        }
        return a == 1 ? 0 : 1;
    }
}
