package org.deskcrm;

import org.deskcrm.persistence.DatabaseConfig;
import org.deskcrm.ui.common.I18n;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.deskcrm.persistence.jooq.Tables.TOTALS_STATE;

/**
 * The first start after an upgrade that dropped the stored totals (V45 did) builds them while the splash is up:
 * the window hears each step and the splash shows it in both languages, instead of a bare "opening" for minutes.
 */
class OpeningStepsTest {
    @TempDir
    Path dir;

    @Test
    void theWindowHearsTheStepsOfBuildingMissingTotalsAndTheSplashCanSayThem() {
        DatabaseConfig config = DatabaseConfig.embedded(dir.resolve("db"));
        List<String> first = new CopyOnWriteArrayList<>();
        try (AppContext ctx = AppContext.openForWindow(config, first::add)) {
            assertThat(first).as("a new database builds its totals at its first open").isNotEmpty();
            ctx.database().dsl().deleteFrom(TOTALS_STATE).execute(); // as the upgrade to V45 leaves the deal totals
        }
        List<String> upgraded = new CopyOnWriteArrayList<>();
        try (AppContext ctx = AppContext.openForWindow(config, upgraded::add)) {
            assertThat(ctx.database().schemaReport().sound()).isTrue();
        }
        assertThat(upgraded).contains("totals.step.read", "totals.step.compare", "totals.step.write");
        List<String> again = new CopyOnWriteArrayList<>();
        try (AppContext ignored = AppContext.openForWindow(config, again::add)) {
            assertThat(again).as("built: nothing to say at the next start").isEmpty();
        }
        for (Locale locale : List.of(Locale.ENGLISH, Locale.forLanguageTag("ru"))) {
            I18n i18n = new I18n(locale);
            for (String step : upgraded) {
                assertThat(i18n.has("shell.splash." + step)).as("%s in %s", step, locale).isTrue();
            }
        }
    }
}
