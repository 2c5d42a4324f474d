package org.deskcrm.ui.report;

import org.deskcrm.model.report.Drill;
import org.deskcrm.model.report.ReportTable;
import org.deskcrm.ui.common.SameThreadExecutor;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/** The report tab's view model, with a same-thread executor on a real H2 database. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReportViewModelTest {
    ReportUiFixture fx;

    @BeforeAll
    void open() {
        fx = new ReportUiFixture();
    }

    @AfterAll
    void close() {
        fx.close();
    }

    ReportViewModel vm(String name) {
        return new ReportViewModel(fx.ctx.reports().get(name), new SameThreadExecutor(), fx.i18n,
                fx.ctx.reports().support().exporter(fx.i18n.locale()),
                LocalDate.of(2026, 3, 16));
    }

    @Test
    void defaultsToTheCurrentMonthAndComputesOnRefresh() {
        ReportViewModel vm = vm("manager-rating");
        assertThat(vm.fromProperty().get()).isEqualTo(LocalDate.of(2026, 3, 1));
        assertThat(vm.toProperty().get()).isEqualTo(LocalDate.of(2026, 3, 31));
        assertThat(vm.tableProperty().get()).isNull();
        vm.refresh();
        ReportTable t = vm.tableProperty().get();
        assertThat(t.value(ReportTable.TOTALS, "revenue")).isEqualTo(new BigDecimal("1650.00"));
        assertThat(t.value(Long.toString(fx.anna), "won_deals")).isEqualTo(2L);
        assertThat(vm.busyProperty().get()).isFalse();
        assertThat(vm.errorProperty().get()).isNull();
    }

    @Test
    void managerFilterNarrowsTheReport() {
        ReportViewModel vm = vm("manager-rating");
        vm.managerIdProperty().set(fx.boris);
        vm.refresh();
        assertThat(vm.tableProperty().get().value(ReportTable.TOTALS, "revenue")).isEqualTo(new BigDecimal("400.00"));
    }

    @Test
    void reversedPeriodIsALocalizedError() {
        ReportViewModel vm = vm("funnel");
        vm.fromProperty().set(LocalDate.of(2026, 3, 31));
        vm.toProperty().set(LocalDate.of(2026, 3, 1));
        vm.refresh();
        assertThat(vm.errorProperty().get()).isEqualTo("The period ends (2026-03-01) before it starts (2026-03-31).");
        assertThat(vm.tableProperty().get()).isNull();
    }

    @Test
    void drillsAndExports(@TempDir Path dir) throws Exception {
        ReportViewModel vm = vm("lost-by-manager");
        vm.refresh();
        AtomicReference<Drill> drill = new AtomicReference<>();
        vm.drill("amount", Long.toString(fx.boris), drill::set);
        assertThat(drill.get().sum()).isEqualByComparingTo("999.00");
        Path file = dir.resolve("lost.xlsx");
        AtomicReference<Boolean> done = new AtomicReference<>(false);
        vm.export(file, () -> done.set(true));
        assertThat(done.get()).isTrue();
        assertThat(Files.size(file)).isGreaterThan(1000);
    }
}
