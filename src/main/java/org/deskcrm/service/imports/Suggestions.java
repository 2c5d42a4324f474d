package org.deskcrm.service.imports;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The known names closest to a name that matched nothing, for the value-mapping step: first the
 * names equal to it once case, spaces and punctuation are ignored ("GTXPro" → "GTX Pro"), then the
 * names within a small edit distance of it (one edit per four letters, at least one, at most three),
 * nearest first, at most {@value #MAX} names.
 */
public final class Suggestions {
    static final int MAX = 3;
    private static final Pattern NOT_LETTER_OR_DIGIT = Pattern.compile("[^\\p{L}\\p{N}]+");

    private Suggestions() {
    }

    /** A name with case, accents, spaces and punctuation ignored (ё as е). */
    public static String squash(String name) {
        String s = Normalizer.normalize(name == null ? "" : name, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT)
                .replace('ё', 'е');
        return NOT_LETTER_OR_DIGIT.matcher(s).replaceAll("");
    }

    /** The closest known names to {@code value}, best first (empty when none is close). */
    public static List<String> closest(String value, Collection<String> known) {
        String key = squash(value);
        Set<String> result = new LinkedHashSet<>();
        for (String k : known) {
            if (squash(k).equals(key) && !k.equals(value)) {
                result.add(k);
            }
        }
        int limit = Math.min(3, Math.max(1, key.length() / 4));
        List<Object[]> near = new ArrayList<>();
        for (String k : known) {
            String other = squash(k);
            if (Math.abs(other.length() - key.length()) > limit || result.contains(k)) {
                continue;
            }
            int d = distance(key, other, limit);
            if (d > 0 && d <= limit) {
                near.add(new Object[] {k, d});
            }
        }
        near.sort(Comparator.comparingInt((Object[] a) -> (int) a[1]).thenComparing(a -> (String) a[0]));
        near.forEach(a -> result.add((String) a[0]));
        return result.stream().limit(MAX).toList();
    }

    /** Levenshtein distance, or {@code limit + 1} as soon as it must exceed the limit. */
    static int distance(String a, String b, int limit) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            int rowMin = cur[0];
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
                rowMin = Math.min(rowMin, cur[j]);
            }
            if (rowMin > limit) {
                return limit + 1;
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
