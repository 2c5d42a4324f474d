package org.deskcrm.model.common;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.Reader;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every text of every MessageFormat bundle (i18n/ui, English and Russian) formatted through {@link Messages}
 * with sample arguments: no placeholder is left unfilled and no apostrophe is lost or doubled.
 */
class MessagesTest {
    private static final Pattern ARG = Pattern.compile("\\{(\\d+)(?:,\\s*(\\w+))?[^}]*}");
    private static final Pattern LEFT = Pattern.compile("\\{\\d");

    @Test
    void theSignInHintFillsItsPasswordAfterAnApostrophe() {
        String hint = "The demo data's people sign in with the password \"{0}\".";
        assertThat(Messages.format(hint, Locale.ENGLISH, "demo"))
                .isEqualTo("The demo data's people sign in with the password \"demo\".");
        assertThat(Messages.format("{0} of {1,number,integer}", Locale.ENGLISH, "a", 1200)).isEqualTo("a of 1,200");
    }

    @Test
    void everyBundleTextFormatsCompletely() throws Exception {
        List<Path> files = bundles();
        assertThat(files).hasSizeGreaterThan(20);
        List<String> problems = new ArrayList<>();
        int formatted = 0;
        for (Path file : files) {
            Locale locale = file.getFileName().toString().endsWith("_ru.properties") ? Locale.forLanguageTag("ru") : Locale.ENGLISH;
            Properties p = new Properties();
            try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                p.load(r);
            }
            for (String key : p.stringPropertyNames()) {
                String text = p.getProperty(key);
                String where = file.getFileName() + " " + key;
                if (text.contains("''")) {
                    problems.add(where + ": a doubled apostrophe (write it once)");
                }
                String out;
                try {
                    out = Messages.format(text, locale, sample(text));
                } catch (IllegalArgumentException e) {
                    problems.add(where + ": " + e.getMessage());
                    continue;
                }
                formatted++;
                if (LEFT.matcher(out).find()) {
                    problems.add(where + ": placeholder left in \"" + out + "\"");
                }
                if (count(out, '\'') != count(ARG.matcher(text).replaceAll(""), '\'')) {
                    problems.add(where + ": apostrophes changed in \"" + out + "\"");
                }
            }
        }
        assertThat(problems).isEmpty();
        assertThat(formatted).isGreaterThan(500);
    }

    /** Arguments of the types the text's placeholders ask for: a number, a date, else a word. */
    private static Object[] sample(String text) {
        Object[] args = new Object[10];
        for (int i = 0; i < args.length; i++) {
            args[i] = "w" + i;
        }
        Matcher m = ARG.matcher(text);
        while (m.find()) {
            int i = Integer.parseInt(m.group(1));
            String type = m.group(2);
            if (i < args.length && type != null) {
                args[i] = switch (type) {
                    case "number", "choice" -> 3;
                    case "date", "time" -> new Date(0);
                    default -> args[i];
                };
            }
        }
        return args;
    }

    private static long count(String s, char c) {
        return s.chars().filter(x -> x == c).count();
    }

    /** The MessageFormat bundles: i18n/ui/*.properties (cli.properties uses String.format, defaults are data). */
    private static List<Path> bundles() throws IOException, URISyntaxException {
        Path dir = Paths.get(MessagesTest.class.getResource("/org/deskcrm/i18n/ui").toURI());
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.toString().endsWith(".properties")).sorted().toList();
        }
    }
}
