package org.deskcrm.ui.deal;

import org.deskcrm.ui.common.I18n;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The deal bundles: English and Russian have the same keys, and every key the deal code uses exists. */
class DealBundleTest {
    private static final Pattern KEY = Pattern.compile("\"((?:error|deal|need|progress)\\.[A-Za-z.]+[A-Za-z])\"");

    static Properties load(String name) throws IOException {
        Properties p = new Properties();
        try (InputStream in = DealBundleTest.class.getResourceAsStream("/org/deskcrm/i18n/" + name);
             Reader r = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            p.load(r);
        }
        return p;
    }

    @Test
    void englishAndRussianHaveTheSameKeys() throws IOException {
        assertThat(load("ui/deal_ru.properties").stringPropertyNames())
                .containsExactlyInAnyOrderElementsOf(load("ui/deal.properties").stringPropertyNames());
        assertThat(load("deal_defaults_ru.properties").stringPropertyNames())
                .containsExactlyInAnyOrderElementsOf(load("deal_defaults.properties").stringPropertyNames());
    }

    @Test
    void needExplanationNamesTheLevelAndTheCounts() {
        var p = new org.deskcrm.model.deal.NeedProbability(0.7426, org.deskcrm.model.deal.NeedProbability.Level.PRODUCT_REGION,
                6, 9, 0.47);
        assertThat(NeedExplanation.of(p, new I18n(Locale.ENGLISH)))
                .isEqualTo("74%: 6 won of 9 closed deals (same product and region)");
        assertThat(NeedExplanation.of(p, new I18n(Locale.forLanguageTag("ru"))))
                .startsWith("74").endsWith("%: выиграно 6 из 9 закрытых сделок (тот же товар и регион)");
    }

    @Test
    void everyKeyUsedByTheDealCodeIsInTheBundles() throws IOException {
        Set<String> used = new TreeSet<>();
        for (String dir : new String[]{"src/main/java/org/deskcrm/service/deal", "src/main/java/org/deskcrm/ui/deal",
                "src/main/java/org/deskcrm/persistence"}) {
            try (Stream<Path> files = Files.walk(Path.of(dir))) {
                for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                    Matcher m = KEY.matcher(Files.readString(f));
                    while (m.find()) {
                        used.add(m.group(1));
                    }
                }
            }
        }
        assertThat(used).contains("error.deal.lostReasonRequired", "deal.lost.message", "error.pipeline.oneWonStage");
        for (Locale locale : new Locale[]{Locale.ENGLISH, Locale.forLanguageTag("ru")}) {
            I18n i18n = new I18n(locale);
            assertThat(used).filteredOn(k -> !k.endsWith(".") && !i18n.has(k)).as("missing in %s", locale).isEmpty();
        }
    }
}
