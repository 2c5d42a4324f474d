package org.deskcrm.ui.home;

import org.deskcrm.AppContext;
import org.deskcrm.persistence.TestDatabases;
import org.deskcrm.service.home.DashboardService.Figure;
import org.deskcrm.service.home.HomeTile;
import org.deskcrm.ui.common.DeferredExecutor;
import org.deskcrm.ui.common.I18n;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.UUID;
import java.util.prefs.Preferences;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The dashboard shows every tile's number before it computes the plans, previous periods and trends (each a
 * further six or seven report runs per tile): stepping the background work one job at a time, the numbers
 * are all there after the first job (which hands each number to the window as soon as it is known, without waiting
 * for the window between numbers), the trends come after, and the finished tiles carry the same numbers.
 */
class HomeNumbersFirstTest {
    private final AppContext ctx = new AppContext(TestDatabases.h2(), Clock.fixed(Instant.parse("2026-03-10T09:30:00Z"),
            ZoneOffset.UTC));
    private final Preferences prefs = Preferences.userRoot().node("org/deskcrm/test/" + UUID.randomUUID());

    @AfterEach
    void close() throws Exception {
        ctx.close();
        prefs.removeNode();
    }

    @Test
    void everyNumberComesBeforeAnyTrend() {
        ctx.referenceData().ensureDefaults(Locale.ENGLISH);
        DeferredExecutor executor = new DeferredExecutor();
        HomeViewModel vm = new HomeViewModel(ctx.home(), executor, Runnable::run, new I18n(Locale.ENGLISH),
                () -> ctx.reports().support().today(), new HomePreferences(prefs), HomeTile.SUPERVISOR, () -> null);
        vm.refresh();
        executor.step(); // the period and every number, handed to the window one by one as each is known
        assertThat(vm.figures()).extracting(Figure::tile).containsExactlyElementsOf(HomeTile.SUPERVISOR);
        assertThat(vm.figures()).allSatisfy(f -> assertThat(f.value()).isNotNull());
        assertThat(vm.figures()).filteredOn(f -> f.tile().periodic() && f.tile().indicator().isEmpty())
                .isNotEmpty().allSatisfy(f -> assertThat(f.trend()).as(f.tile().code()).isEmpty());
        var numbers = vm.figures().stream().map(Figure::value).toList();
        while (!executor.idle()) {
            executor.step();
        }
        assertThat(vm.figures()).extracting(Figure::tile).containsExactlyElementsOf(HomeTile.SUPERVISOR);
        assertThat(vm.figures()).extracting(Figure::value).isEqualTo(numbers);
        assertThat(vm.figures()).filteredOn(f -> f.tile().periodic() && f.tile().indicator().isEmpty())
                .allSatisfy(f -> assertThat(f.trend()).as(f.tile().code()).hasSize(6));
        assertThat(vm.busyProperty().get()).isFalse();
        assertThat(vm.months()).isNotEmpty();
    }
}
