package org.deskcrm.model.common;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/** Normalized forms used for search and duplicate detection. */
public final class Texts {
    private static final Pattern QUOTES = Pattern.compile("[«»\"'`“”„]");
    private static final Pattern LEGAL_FORM = Pattern.compile("(^|\\s)(ооо|оао|зао|пао|ао|ип|llc|ltd|inc|gmbh)(?=\\s|$|[.,])");
    private static final Pattern SEPARATORS = Pattern.compile("[\\s.,]+");

    private Texts() {
    }

    /**
     * Lower case, ё→е, quotes and legal-form noise removed, whitespace folded: "ООО «Ромашка»"
     * and "ромашка ооо" both sort and match as "ромашка".
     */
    public static String searchKey(String name) {
        if (name == null) {
            return "";
        }
        String s = Normalizer.normalize(name, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT).replace('ё', 'е');
        s = QUOTES.matcher(s).replaceAll(" ");
        s = LEGAL_FORM.matcher(s).replaceAll(" ");
        s = SEPARATORS.matcher(s).replaceAll(" ").strip();
        return s.length() > 300 ? s.substring(0, 300) : s;
    }

    /** Plain lower-cased, trimmed, ё→е; for emails and deal titles. */
    public static String lower(String s) {
        return s == null ? "" : s.strip().toLowerCase(Locale.ROOT).replace('ё', 'е');
    }

    public static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }

    public static String trimToNull(String s) {
        return isBlank(s) ? null : s.strip();
    }
}
