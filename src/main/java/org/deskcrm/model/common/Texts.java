package org.deskcrm.model.common;

import java.text.Normalizer;
import java.util.Locale;

/** Normalized forms used for search and duplicate detection. */
public final class Texts {
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
        s = s.replaceAll("[«»\"'`“”„]", " ");
        s = s.replaceAll("(^|\\s)(ооо|оао|зао|пао|ао|ип|llc|ltd|inc|gmbh)(?=\\s|$|[.,])", " ");
        s = s.replaceAll("[\\s.,]+", " ").strip();
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
