package org.deskcrm.service.imports;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Set;

/**
 * Logins derived from a person's full name: Cyrillic transliterated (the Russian passport table of
 * 2013: ж → zh, х → kh, ц → ts, щ → shch, ю → iu, я → ia...), accents dropped, lower case, the words
 * joined by dots ("Анна Петрова" → anna.petrova, "José Núñez" → jose.nunez), made unique by a number
 * (anna.petrova2, anna.petrova3...).
 */
final class Logins {
    static final int MAX_LENGTH = 100;
    private static final String[] CYRILLIC = {
        "a", "b", "v", "g", "d", "e", "zh", "z", "i", "i", "k", "l", "m", "n", "o", "p", "r", "s", "t", "u", "f",
        "kh", "ts", "ch", "sh", "shch", "ie", "y", "", "e", "iu", "ia"};

    private Logins() {
    }

    /** The login for a name, not in {@code taken} (lower-case logins); the new login is added to it. */
    static String derive(String fullName, Set<String> taken) {
        String base = base(fullName);
        String login = base;
        for (int n = 2; taken.contains(login); n++) {
            String suffix = String.valueOf(n);
            login = base.substring(0, Math.min(base.length(), MAX_LENGTH - suffix.length())) + suffix;
        }
        taken.add(login);
        return login;
    }

    /** The name transliterated, lower case, words joined by dots ("user" when nothing is left). */
    static String base(String fullName) {
        StringBuilder sb = new StringBuilder();
        for (char c : fullName.toLowerCase(Locale.ROOT).toCharArray()) {
            if (c >= 'а' && c <= 'я') {
                sb.append(CYRILLIC[c - 'а']);
            } else if (c == 'ё') {
                sb.append('e');
            } else {
                sb.append(c);
            }
        }
        String latin = Normalizer.normalize(sb, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        String login = latin.replaceAll("[^a-z0-9]+", ".").replaceAll("^\\.+|\\.+$", "");
        if (login.length() > MAX_LENGTH) {
            login = login.substring(0, MAX_LENGTH).replaceAll("\\.+$", "");
        }
        return login.isEmpty() ? "user" : login;
    }
}
