package org.deskcrm.ui.report;

import org.deskcrm.ui.common.Debouncer;
import org.deskcrm.model.report.Drill;
import org.deskcrm.model.report.ReportTable;
import org.deskcrm.model.deal.ScoreBand;
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
import java.util.ArrayList;
import java.util.List;
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

    /** A view model with a same-thread executor and debouncer, already opened (choices loaded, computed). */
    ReportViewModel vm(String name) {
        ReportViewModel vm = new ReportViewModel(fx.ctx.reports().get(name), new SameThreadExecutor(), fx.i18n,
                fx.ctx.reports().support().exporter(fx.i18n.locale()), fx.ctx.reports().support()::choices,
                Debouncer.immediate());
        vm.open();
        return vm;
    }

    @Test
    void opensOnTheCurrentMonthAndComputesAtOnce() {
        ReportViewModel vm = vm("manager-rating");
        assertThat(vm.fromProperty().get()).isEqualTo(LocalDate.of(2026, 3, 1));
        assertThat(vm.toProperty().get()).isEqualTo(LocalDate.of(2026, 3, 31));
        assertThat(vm.choicesProperty().get().managers()).containsKeys(fx.anna, fx.boris);
        assertThat(vm.choicesProperty().get().pipelines()).isNotEmpty();
        ReportTable t = vm.tableProperty().get();
        assertThat(t.filter().from()).isEqualTo(LocalDate.of(2026, 3, 1));
        assertThat(t.value(ReportTable.TOTALS, "revenue")).isEqualTo(new BigDecimal("1650.00"));
        assertThat(t.value(Long.toString(fx.anna), "won_deals")).isEqualTo(2L);
        assertThat(vm.busyProperty().get()).isFalse();
        assertThat(vm.errorProperty().get()).isNull();
    }

    @Test
    void managerFilterNarrowsTheReport() {
        ReportViewModel vm = vm("manager-rating");
        vm.managerIdProperty().set(fx.boris);
        assertThat(vm.tableProperty().get().filter().managerId()).isEqualTo(fx.boris);
        assertThat(vm.tableProperty().get().value(ReportTable.TOTALS, "revenue")).isEqualTo(new BigDecimal("400.00"));
        vm.managerIdProperty().set(null);
        assertThat(vm.tableProperty().get().value(ReportTable.TOTALS, "revenue")).isEqualTo(new BigDecimal("1650.00"));
    }

    @Test
    void teamSourceAndBandGoIntoTheFilter() {
        ReportViewModel vm = vm("manager-rating");
        vm.bandProperty().set(ScoreBand.COLD);
        assertThat(vm.tableProperty().get().filter().band()).isEqualTo(ScoreBand.COLD);
        assertThat(vm.tableProperty().get().value(ReportTable.TOTALS, "revenue")).isNotEqualTo(new BigDecimal("1650.00"));
        vm.bandProperty().set(ScoreBand.HOT);
        assertThat(vm.tableProperty().get().value(ReportTable.TOTALS, "revenue")).isEqualTo(new BigDecimal("1650.00"));
        vm.teamIdProperty().set(-1L);
        vm.sourceIdProperty().set(-2L);
        assertThat(vm.tableProperty().get().filter().teamId()).isEqualTo(-1L);
        assertThat(vm.tableProperty().get().filter().sourceId()).isEqualTo(-2L);
    }

    @Test
    void filterChangesAreDebouncedUntilTheUserStops() {
        List<Runnable> pending = new ArrayList<>();
        ReportViewModel vm = new ReportViewModel(fx.ctx.reports().get("manager-rating"), new SameThreadExecutor(), fx.i18n,
                fx.ctx.reports().support().exporter(fx.i18n.locale()), fx.ctx.reports().support()::choices, new Debouncer() {
                    @Override
                    public void schedule(Runnable action) {
                        pending.add(action);
                    }

                    @Override
                    public void cancel() {
                        pending.clear();
                    }
                });
        vm.managerIdProperty().set(fx.anna);
        assertThat(pending).as("nothing recomputes before the choices have loaded").isEmpty();
        vm.open();
        assertThat(pending).as("the first computation is not debounced").isEmpty();
        assertThat(vm.tableProperty().get().value(ReportTable.TOTALS, "revenue")).isEqualTo(new BigDecimal("1250.00"));
        vm.managerIdProperty().set(fx.boris);
        vm.fromProperty().set(LocalDate.of(2026, 3, 2));
        assertThat(pending).hasSize(2);
        assertThat(vm.tableProperty().get().filter().managerId()).isEqualTo(fx.anna);
        pending.get(pending.size() - 1).run();
        assertThat(vm.tableProperty().get().filter().managerId()).isEqualTo(fx.boris);
        assertThat(vm.tableProperty().get().filter().from()).isEqualTo(LocalDate.of(2026, 3, 2));
    }

    @Test
    void aNewerComputationSupersedesOneStillRunning() {
        org.deskcrm.ui.common.DeferredExecutor deferred = new org.deskcrm.ui.common.DeferredExecutor();
        List<Runnable> finish = deferred.queued;
        ReportViewModel vm = new ReportViewModel(fx.ctx.reports().get("manager-rating"), deferred, fx.i18n,
                fx.ctx.reports().support().exporter(fx.i18n.locale()), fx.ctx.reports().support()::choices,
                Debouncer.immediate());
        vm.open();
        assertThat(vm.busyProperty().get()).isTrue();
        finish.remove(0).run(); // choices arrive, the first computation starts
        assertThat(vm.choicesProperty().get()).isNotNull();
        vm.managerIdProperty().set(fx.boris); // a second computation starts
        assertThat(finish).hasSize(2);
        finish.get(1).run();
        assertThat(vm.tableProperty().get().value(ReportTable.TOTALS, "revenue")).isEqualTo(new BigDecimal("400.00"));
        assertThat(vm.busyProperty().get()).isFalse();
        finish.get(0).run(); // the stale, unfiltered result arrives late and is dropped
        assertThat(vm.tableProperty().get().value(ReportTable.TOTALS, "revenue")).isEqualTo(new BigDecimal("400.00"));
    }

    @Test
    void reversedPeriodIsALocalizedError() {
        ReportViewModel vm = vm("funnel");
        vm.fromProperty().set(LocalDate.of(2026, 3, 31));
        vm.toProperty().set(LocalDate.of(2026, 3, 1));
        assertThat(vm.errorProperty().get()).isEqualTo("The period ends (2026-03-01) before it starts (2026-03-31).");
        assertThat(vm.tableProperty().get()).as("a table that no longer matches the filter goes").isNull();
        vm.toProperty().set(LocalDate.of(2026, 4, 30));
        assertThat(vm.errorProperty().get()).isNull();
        assertThat(vm.tableProperty().get()).isNotNull();
    }

    @Test
    void drillsAndExports(@TempDir Path dir) throws Exception {
        ReportViewModel vm = vm("lost-by-manager");
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
