package org.deskcrm.persistence;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DatabaseConfigTest {
    @Test
    void anH2UrlWithoutAUserConnectsAsTheEmbeddedDatabaseDoes() {
        DatabaseConfig embedded = DatabaseConfig.embedded(Path.of("/tmp/x"));
        DatabaseConfig typed = new DatabaseConfig(embedded.url(), null, null);
        assertThat(typed.user()).isEqualTo(embedded.user()).isEqualTo("sa");
        assertThat(new DatabaseConfig("jdbc:postgresql://h/crm", null, null).user()).isEmpty();
        assertThat(new DatabaseConfig("jdbc:h2:tcp://h/crm", "crm", "pw").user()).isEqualTo("crm");
    }

    @Test
    void h2UrlsGetTheOptionsTheSchemaReliesOnOnce() {
        DatabaseConfig c = new DatabaseConfig("jdbc:h2:file:/tmp/a;DATABASE_TO_LOWER=TRUE", null, null);
        assertThat(c.effectiveUrl()).isEqualTo("jdbc:h2:file:/tmp/a;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;QUERY_CACHE_SIZE=64;WRITE_DELAY=0");
        assertThat(new DatabaseConfig("jdbc:postgresql://h/crm", "u", "p").effectiveUrl())
                .isEqualTo("jdbc:postgresql://h/crm");
    }

    @Test
    void notAJdbcUrlIsRefused() {
        assertThatThrownBy(() -> new DatabaseConfig("postgres://h/crm", null, null))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void thePasswordNeverShowsInLogs() {
        assertThat(new DatabaseConfig("jdbc:postgresql://h/crm", "u", "secret").toString()).doesNotContain("secret");
    }
}
