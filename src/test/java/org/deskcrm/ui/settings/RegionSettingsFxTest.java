package org.deskcrm.ui.settings;

import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import org.deskcrm.AppContext;
import org.deskcrm.persistence.TestDatabases;
import org.deskcrm.service.settings.BusinessRegionService;
import org.deskcrm.ui.common.I18n;
import org.deskcrm.ui.common.SameThreadExecutor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Settings → Phones and time in a window on a real H2 database: the business region is chosen, saved and
 * used at once to read national numbers; the business time zone is shown with what it is for.
 */
class RegionSettingsFxTest {
    private final FxRobot robot = new FxRobot();
    private AppContext ctx;

    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    @AfterEach
    void close() throws Exception {
        FxToolkit.cleanupStages();
        if (ctx != null) {
            ctx.close();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"en", "ru"})
    void theRegionIsChosenSavedAndReadsNationalNumbersAtOnce(String lang) throws Exception {
        ctx = new AppContext(TestDatabases.h2());
        ctx.referenceData().ensureDefaults(Locale.ENGLISH);
        I18n i18n = new I18n(Locale.forLanguageTag(lang));
        SettingsScreens screens = new SettingsScreens(new SameThreadExecutor(), i18n, null, Runnable::run)
                .withRegionPage(ctx.businessRegion());
        FxToolkit.setupStage(s -> {
            s.setScene(new Scene(screens.view(), 1000, 600));
            s.show();
        });
        WaitForAsyncUtils.waitForFxEvents();
        @SuppressWarnings("unchecked")
        ComboBox<String> region = robot.lookup("#settings-region").queryAs(ComboBox.class);
        assertThat(region.getValue()).isEqualTo("RU"); // the seeded region
        assertThat(ctx.phones().normalize("(020) 7946 0123")).isNotEqualTo(java.util.Optional.of("+442079460123"));
        String hint = robot.lookup("#settings-zone-hint").queryAs(Label.class).getText();
        assertThat(hint).isEqualTo(i18n.format("settings.region.zoneHint", "Europe/Moscow",
                java.time.ZoneId.systemDefault().getId()));

        robot.interact(() -> region.setValue("GB"));
        robot.interact(() -> robot.lookup("#settings-region-save").queryAs(Button.class).fire());
        String country = new Locale("", "GB").getDisplayCountry(Locale.forLanguageTag(lang));
        assertThat(robot.lookup("#settings-region-message").queryAs(Label.class).getText())
                .isEqualTo(i18n.format("settings.region.saved", country + " (GB, +44)"));
        assertThat(ctx.settings().get(BusinessRegionService.REGION)).contains("GB");
        assertThat(ctx.phones().normalize("(020) 7946 0123")).contains("+442079460123");
    }

    @Test
    void theFirstStartTakesTheComputersCountry() {
        ctx = new AppContext(TestDatabases.h2());
        ctx.referenceData().ensureDefaults(Locale.ENGLISH);
        assertThat(ctx.businessRegion().chooseAtFirstStart("")).isEmpty();
        assertThat(ctx.businessRegion().chooseAtFirstStart("XX")).isEmpty();
        assertThat(ctx.businessRegion().region()).isEqualTo("RU");
        assertThat(ctx.businessRegion().chooseAtFirstStart("us")).contains("US");
        assertThat(ctx.settings().get(BusinessRegionService.REGION)).contains("US");
        assertThat(ctx.phones().normalize("(312) 311-2424")).contains("+13123112424");
    }
}
