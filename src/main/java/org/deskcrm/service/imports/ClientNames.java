package org.deskcrm.service.imports;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * When two client names are the same company: equal once case, spaces, punctuation and the legal form
 * at the start or end are ignored ("ООО «Ромашка»" = "Ромашка, ООО", "Acme, Inc." = "ACME Corp"),
 * and not told apart by what both records have: a different INN, region, website or source key.
 * ADR 0006 explains why a name alone may identify a company in an import.
 */
final class ClientNames {
    private static final Set<String> LEGAL_FORMS = Set.of(
            "ооо", "оао", "зао", "пао", "ао", "ип", "нко", "ано", "тоо", "чп", "гк",
            "llc", "inc", "incorporated", "ltd", "limited", "corp", "corporation", "co", "company", "gmbh", "ag",
            "plc", "sa", "sarl", "bv", "nv", "srl", "spa", "oy", "ab", "as", "pte", "pty", "lp", "llp");
    /** Forms that are also words at the start of a name ("Co-op Bank", "AS Roma"): only ignored at its end. */
    private static final Set<String> ONLY_AT_END = Set.of("co", "company", "as", "ab", "sa", "ag", "spa", "lp");

    private static final Pattern NOT_LETTER_OR_DIGIT = Pattern.compile("[^\\p{L}\\p{N}]+");
    private static final Pattern SCHEME = Pattern.compile("^[a-z]+://");
    private static final Pattern WWW = Pattern.compile("^www\\.");

    /** The parts of a client that tell one company from another. */
    record Identity(String name, String inn, String region, String website, String externalId) {
    }

    private ClientNames() {
    }

    /** The name with case, punctuation, spaces and legal form ignored ("" for a blank name). */
    static String key(String name) {
        String s = Normalizer.normalize(name == null ? "" : name, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT)
                .replace('ё', 'е');
        List<String> words = new ArrayList<>(Arrays.asList(NOT_LETTER_OR_DIGIT.split(s)));
        words.removeIf(String::isEmpty);
        List<String> all = List.copyOf(words);
        while (!words.isEmpty() && LEGAL_FORMS.contains(words.get(0)) && !ONLY_AT_END.contains(words.get(0))) {
            words.remove(0);
        }
        while (!words.isEmpty() && LEGAL_FORMS.contains(words.get(words.size() - 1))) {
            words.remove(words.size() - 1);
        }
        return String.join("", words.isEmpty() ? all : words);
    }

    /** Whether two records with the same {@link #key} name are the same company. */
    static boolean sameCompany(Identity a, Identity b) {
        return compatible(a.inn(), b.inn()) && compatible(region(a.region()), region(b.region()))
                && compatible(site(a.website()), site(b.website())) && compatible(a.externalId(), b.externalId());
    }

    private static boolean compatible(String a, String b) {
        return a == null || b == null || a.isEmpty() || b.isEmpty() || Objects.equals(a, b);
    }

    private static String region(String r) {
        return r == null ? null : Suggestions.squash(r);
    }

    /** A website's host without scheme and "www." ("https://www.Acme.com/about" → acme.com). */
    static String site(String w) {
        if (w == null) {
            return null;
        }
        String s = WWW.matcher(SCHEME.matcher(w.strip().toLowerCase(Locale.ROOT)).replaceFirst("")).replaceFirst("");
        int slash = s.indexOf('/');
        return slash < 0 ? s : s.substring(0, slash);
    }
}
