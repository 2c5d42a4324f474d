package org.deskcrm.service.demo;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

/** The demo strings exist in English and Russian, in the window's bundle and the command line's. */
class DemoBundlesTest {
    private static Properties load(String resource) throws IOException {
        Properties p = new Properties();
        try (InputStream in = DemoBundlesTest.class.getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }

    @Test
    void everyKeyTheGeneratorUsesIsTranslated() throws IOException {
        List<String> keys = List.of("demo.step.reference", "demo.step.clients", "demo.step.calls", "demo.step.plans",
                "demo.step.indexes", "demo.step.finish", "demo.error.notEmpty", "demo.error.noPipeline",
                "demo.cancelled", "error.bulkWrite");
        for (String bundle : List.of("/org/deskcrm/i18n/ui/demo", "/org/deskcrm/i18n/cli")) {
            Properties en = load(bundle + ".properties");
            Properties ru = load(bundle + "_ru.properties");
            assertThat(ru.keySet()).as(bundle).isEqualTo(en.keySet());
            assertThat(en.keySet()).as(bundle).containsAll(keys);
            assertThat(ru.getProperty("demo.step.clients")).matches(".*[а-я].*");
        }
    }
}
