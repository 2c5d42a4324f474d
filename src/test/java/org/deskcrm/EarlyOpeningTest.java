package org.deskcrm;

import org.deskcrm.persistence.DatabaseConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;

/** The database opened before JavaFX starts is the one the window takes — once, and only if it chose the same. */
class EarlyOpeningTest {
    @TempDir
    Path dir;

    @Test
    void theWindowTakesTheEarlyOpeningOfItsDatabaseOnce() {
        DatabaseConfig config = DatabaseConfig.embedded(dir.resolve("a"));
        EarlyOpening.begin(config);
        Optional<CompletableFuture<AppContext>> taken = EarlyOpening.take(config);
        assertThat(taken).isPresent();
        try (AppContext ctx = taken.get().join()) {
            assertThat(ctx.database().config()).isEqualTo(config);
            assertThat(ctx.database().schemaReport().sound()).isTrue(); // the window's open checks in the background
        }
        assertThat(EarlyOpening.take(config)).isEmpty(); // taken already: the next window opens its own
    }

    @Test
    void anotherDatabaseChosenByTheWindowClosesTheEarlyOne() {
        DatabaseConfig early = DatabaseConfig.embedded(dir.resolve("early"));
        EarlyOpening.begin(early);
        assertThat(EarlyOpening.take(DatabaseConfig.embedded(dir.resolve("chosen")))).isEmpty();
        assertThat(EarlyOpening.take(early)).isEmpty(); // nothing left open in between
    }
}
