package org.deskcrm.service.control;

/**
 * Near-identical client names for the duplicate indicator: the same name key once spaces and
 * punctuation are dropped ("Ромашка-М" and "Ромашка М"), or one typo apart (Levenshtein distance 1)
 * for keys of five letters or more.
 */
final class NameSimilarity {
    private NameSimilarity() {
    }

    /** The name key with everything but letters and digits removed. */
    static String compact(String nameKey) {
        StringBuilder sb = new StringBuilder(nameKey.length());
        nameKey.codePoints().filter(Character::isLetterOrDigit).forEach(sb::appendCodePoint);
        return sb.toString();
    }

    static boolean similar(String a, String b) {
        if (a.equals(b)) {
            return !a.isEmpty();
        }
        if (Math.min(a.length(), b.length()) < 5 || Math.abs(a.length() - b.length()) > 1) {
            return false;
        }
        return withinOneEdit(a, b);
    }

    /** Whether one insertion, deletion or substitution turns a into b. */
    static boolean withinOneEdit(String a, String b) {
        if (a.length() > b.length()) {
            return withinOneEdit(b, a);
        }
        int i = 0;
        int j = 0;
        boolean edited = false;
        while (i < a.length() && j < b.length()) {
            if (a.charAt(i) == b.charAt(j)) {
                i++;
                j++;
                continue;
            }
            if (edited) {
                return false;
            }
            edited = true;
            if (a.length() == b.length()) {
                i++;
            }
            j++;
        }
        return !edited || (i == a.length() && j == b.length());
    }
}
