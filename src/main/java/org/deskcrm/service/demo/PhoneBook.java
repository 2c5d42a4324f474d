package org.deskcrm.service.demo;

import org.deskcrm.service.client.PhoneNormalizer;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.UnaryOperator;

/**
 * Phone numbers for demo data: new E.164 numbers (city lines and mobiles) and the raw forms people
 * type ("8 (916) 123-45-67", "+7 916 123 45 67"...) or a PBX logs ("79161234567"). Only the forms
 * that the installation's {@link PhoneNormalizer} turns back into the same E.164 are used, so every
 * stored raw value normalizes to its stored normalized value.
 */
final class PhoneBook {
    private final List<UnaryOperator<String>> typedRu = new ArrayList<>();
    private final List<UnaryOperator<String>> pbxRu = new ArrayList<>();
    private final List<UnaryOperator<String>> typedNanp = new ArrayList<>();
    private final List<UnaryOperator<String>> typedOther = new ArrayList<>();
    private final List<UnaryOperator<String>> pbxOther = new ArrayList<>();

    PhoneBook(PhoneNormalizer normalizer) {
        keep(typedRu, normalizer, "+79161234567", List.of(
                e -> "+7 (" + n(e, 2, 5) + ") " + n(e, 5, 8) + "-" + n(e, 8, 10) + "-" + n(e, 10, 12),
                e -> "8 (" + n(e, 2, 5) + ") " + n(e, 5, 8) + "-" + n(e, 8, 10) + "-" + n(e, 10, 12),
                e -> "8-" + n(e, 2, 5) + "-" + n(e, 5, 8) + "-" + n(e, 8, 10) + "-" + n(e, 10, 12),
                e -> "+7 " + n(e, 2, 5) + " " + n(e, 5, 8) + " " + n(e, 8, 10) + " " + n(e, 10, 12),
                e -> "8" + e.substring(2),
                e -> e,
                e -> "(" + n(e, 2, 5) + ") " + n(e, 5, 8) + "-" + n(e, 8, 10) + "-" + n(e, 10, 12)));
        keep(pbxRu, normalizer, "+74951234567", List.of(e -> e.substring(1), e -> "8" + e.substring(2), e -> e));
        keep(typedNanp, normalizer, "+12125550134", List.of(
                e -> "+1 (" + n(e, 2, 5) + ") " + n(e, 5, 8) + "-" + n(e, 8, 12),
                e -> "+1 " + n(e, 2, 5) + "-" + n(e, 5, 8) + "-" + n(e, 8, 12),
                e -> "+1." + n(e, 2, 5) + "." + n(e, 5, 8) + "." + n(e, 8, 12),
                e -> "(" + n(e, 2, 5) + ") " + n(e, 5, 8) + "-" + n(e, 8, 12), // national: kept in region US
                e -> e));
        keep(typedOther, normalizer, "+442079460123", List.of(
                e -> e.substring(0, 3) + " " + e.substring(3, 7) + " " + e.substring(7),
                e -> e));
        keep(pbxOther, normalizer, "+442079460123", List.of(e -> e));
    }

    private static String n(String e164, int from, int to) {
        return e164.substring(from, to);
    }

    private static void keep(List<UnaryOperator<String>> target, PhoneNormalizer normalizer, String sample,
                             List<UnaryOperator<String>> forms) {
        for (UnaryOperator<String> f : forms) {
            if (sample.equals(normalizer.normalizeOrDigits(f.apply(sample)))) {
                target.add(f);
            }
        }
        if (target.isEmpty()) {
            target.add(e -> e);
        }
    }

    /** A city line: the city's prefix and random subscriber digits (first digit 2-9). */
    static String cityNumber(Vocabulary.City city, SplittableRandom rnd) {
        return city.phonePrefix() + (2 + rnd.nextInt(8)) + Names.digits(city.subscriberDigits() - 1, rnd);
    }

    /** A mobile number of the city's country. */
    static String mobileNumber(Vocabulary.City city, SplittableRandom rnd) {
        if (city.phonePrefix().startsWith("+7")) {
            return "+79" + Names.digits(9, rnd);
        }
        if (city.phonePrefix().startsWith("+44")) {
            return "+447" + Names.digits(9, rnd);
        }
        return city.phonePrefix() + (2 + rnd.nextInt(8)) + Names.digits(city.subscriberDigits() - 1, rnd);
    }

    /** The number as a person would type it into a card. */
    String typed(String e164, SplittableRandom rnd) {
        List<UnaryOperator<String>> forms = e164.startsWith("+7") ? typedRu
                : e164.startsWith("+1") ? typedNanp : typedOther;
        return Names.pick(forms, rnd).apply(e164);
    }

    /** The number as a PBX call-detail record shows it. */
    String pbx(String e164, SplittableRandom rnd) {
        return Names.pick(e164.startsWith("+7") ? pbxRu : pbxOther, rnd).apply(e164);
    }
}
