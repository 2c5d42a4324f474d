package org.deskcrm.ui.common;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every UI bundle named in {@link I18n#BUNDLES} that exists has the same keys in English (base) and
 * Russian ({@code _ru}), and no key has two different texts in two bundles (the first would silently win).
 */
class BundleCompletenessTest {
    private static final String DIR = "/org/deskcrm/i18n/ui/";

    private static Properties load(String resource) {
        try (InputStream in = BundleCompletenessTest.class.getResourceAsStream(resource)) {
            if (in == null) {
                return null;
            }
            Properties p = new Properties();
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            return p;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @TestFactory
    List<DynamicTest> englishAndRussianHaveTheSameKeys() {
        List<DynamicTest> tests = new ArrayList<>();
        for (String name : I18n.BUNDLES) {
            Properties en = load(DIR + name + ".properties");
            Properties ru = load(DIR + name + "_ru.properties");
            if (en == null && ru == null) {
                continue; // a feature without strings yet
            }
            tests.add(DynamicTest.dynamicTest(name, () -> {
                assertThat(en).as(name + ".properties exists").isNotNull();
                assertThat(ru).as(name + "_ru.properties exists").isNotNull();
                Set<String> missingRu = new TreeSet<>(en.stringPropertyNames());
                missingRu.removeAll(ru.stringPropertyNames());
                Set<String> missingEn = new TreeSet<>(ru.stringPropertyNames());
                missingEn.removeAll(en.stringPropertyNames());
                assertThat(missingRu).as("keys of " + name + ".properties missing in " + name + "_ru").isEmpty();
                assertThat(missingEn).as("keys of " + name + "_ru.properties missing in " + name).isEmpty();
                for (String key : en.stringPropertyNames()) {
                    assertThat(en.getProperty(key)).as(name + ": " + key).isNotBlank();
                    assertThat(ru.getProperty(key)).as(name + "_ru: " + key).isNotBlank();
                }
            }));
        }
        assertThat(tests).as("at least the shell and common bundles").hasSizeGreaterThanOrEqualTo(2);
        return tests;
    }

    /** I18n answers a key from the first bundle that has it: a second, different text would never show. */
    @Test
    void noKeyHasDifferentTextsInTwoBundles() {
        List<String> clashes = new ArrayList<>();
        for (String suffix : List.of("", "_ru")) {
            java.util.Map<String, String> first = new java.util.HashMap<>();
            java.util.Map<String, String> owner = new java.util.HashMap<>();
            for (String name : I18n.BUNDLES) {
                Properties p = load(DIR + name + suffix + ".properties");
                if (p == null) {
                    continue;
                }
                for (String key : p.stringPropertyNames()) {
                    String text = p.getProperty(key);
                    String earlier = first.putIfAbsent(key, text);
                    owner.putIfAbsent(key, name);
                    if (earlier != null && !earlier.equals(text)) {
                        clashes.add(name + suffix + ": " + key + " (shadowed by " + owner.get(key) + suffix + ")");
                    }
                }
            }
        }
        assertThat(clashes).isEmpty();
    }

    @Test
    void russianTextIsLookedUpForRussian() {
        I18n ru = new I18n(Locale.forLanguageTag("ru"));
        I18n en = new I18n(Locale.ENGLISH);
        assertThat(ru.get("shell.nav.clients")).isEqualTo("Клиенты");
        assertThat(en.get("shell.nav.clients")).isEqualTo("Clients");
        assertThat(ru.format("shell.tab.client", 12345L)).isEqualTo("Клиент №12345");
    }
}
