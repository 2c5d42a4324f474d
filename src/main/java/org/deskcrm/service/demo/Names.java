package org.deskcrm.service.demo;

import org.deskcrm.service.client.Requisites;

import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/** People's and companies' names, tax ids and Latin spellings made from a {@link Vocabulary}. */
final class Names {
    private static final String CYRILLIC = "абвгдеёжзийклмнопрстуфхцчшщъыьэюя";
    private static final String[] LATIN = {"a", "b", "v", "g", "d", "e", "e", "zh", "z", "i", "y", "k", "l", "m", "n",
            "o", "p", "r", "s", "t", "u", "f", "kh", "ts", "ch", "sh", "shch", "", "y", "", "e", "yu", "ya"};

    private Names() {
    }

    /** A person's name parts; {@code full} is "Surname Name Patronymic" in Russian, "First Last" in English. */
    record Person(String first, String last, String middle, boolean female, String full) {
        /** "Петров И. С." / "J. Smith". */
        String shortName() {
            if (middle == null) {
                return first.charAt(0) + ". " + last;
            }
            return last + " " + first.charAt(0) + ". " + middle.charAt(0) + ".";
        }
    }

    static Person person(Vocabulary v, SplittableRandom rnd) {
        boolean female = rnd.nextInt(100) < 45;
        String first = pick(female ? v.femaleFirst() : v.maleFirst(), rnd);
        String last = pick(v.lastNames(), rnd);
        if (!v.russian()) {
            return new Person(first, last, null, female, first + " " + last);
        }
        String middle = pick(v.patronymics(), rnd);
        if (female) {
            last = last + "а";
            middle = middle.substring(0, middle.length() - 2) + "на";
        }
        return new Person(first, last, middle, female, last + " " + first + " " + middle);
    }

    static <T> T pick(List<T> list, SplittableRandom rnd) {
        return list.get(rnd.nextInt(list.size()));
    }

    /** Latin lower-case spelling for logins, e-mail addresses and domains (Russian letters transliterated). */
    static String latin(String text) {
        StringBuilder sb = new StringBuilder();
        for (char c : text.toLowerCase(Locale.ROOT).toCharArray()) {
            int i = CYRILLIC.indexOf(c);
            if (i >= 0) {
                sb.append(LATIN[i]);
            } else if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
                sb.append(c);
            } else if (c == ' ' || c == '-') {
                sb.append('-');
            }
        }
        return sb.toString().replaceAll("-+", "-").replaceAll("^-|-$", "");
    }

    /** A company INN (10 digits) of the given region with valid control digits. */
    static String companyInn(String region, SplittableRandom rnd) {
        return Requisites.completeInn(region + twoDigits(rnd) + digits(5, rnd));
    }

    /** A personal / entrepreneur INN (12 digits) with valid control digits. */
    static String personInn(String region, SplittableRandom rnd) {
        return Requisites.completeInn(region + twoDigits(rnd) + digits(6, rnd));
    }

    /** KPP of a company registered at the tax office its INN names: office code, reason 01, number. */
    static String kpp(String inn) {
        return inn.substring(0, 4) + "01" + "001";
    }

    private static String twoDigits(SplittableRandom rnd) {
        return String.format("%02d", 1 + rnd.nextInt(40));
    }

    static String digits(int n, SplittableRandom rnd) {
        StringBuilder sb = new StringBuilder(n);
        for (int i = 0; i < n; i++) {
            sb.append((char) ('0' + rnd.nextInt(10)));
        }
        return sb.toString();
    }
}
