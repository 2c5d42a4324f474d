package org.deskcrm;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StartupOptionsTest {
    @Test
    void readsDatabaseAndLanguageFromArguments() {
        StartupOptions o = StartupOptions.parse(List.of("--db", "jdbc:h2:mem:x", "--user", "sa", "--lang=ru"),
                new Properties());
        assertThat(o.database().url()).isEqualTo("jdbc:h2:mem:x");
        assertThat(o.database().user()).isEqualTo("sa");
        assertThat(o.lang()).contains("ru");
    }

    @Test
    void systemPropertiesAreDefaultsThatArgumentsOverride() {
        Properties p = new Properties();
        p.setProperty("deskcrm.db", "jdbc:postgresql://db/crm");
        p.setProperty("deskcrm.lang", "en");
        StartupOptions o = StartupOptions.parse(List.of("--lang", "ru"), p);
        assertThat(o.dbUrl()).isEqualTo("jdbc:postgresql://db/crm");
        assertThat(o.lang()).contains("ru");
    }

    @Test
    void withoutOptionsTheEmbeddedDatabaseIsUsed() {
        StartupOptions o = StartupOptions.parse(List.of("--unrelated", "x", "-psn_0_1"), new Properties());
        assertThat(o.database().url()).startsWith("jdbc:h2:file:").endsWith("deskcrm");
        assertThat(o.lang()).isEmpty();
    }

    @Test
    void aMalformedUrlIsRejected() {
        StartupOptions o = StartupOptions.parse(List.of("--db=not-a-url"), new Properties());
        assertThatThrownBy(o::database).isInstanceOf(IllegalArgumentException.class);
    }
}
