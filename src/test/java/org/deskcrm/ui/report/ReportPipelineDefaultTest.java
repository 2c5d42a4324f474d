package org.deskcrm.ui.report;

import org.deskcrm.AppContext;
import org.deskcrm.model.deal.Pipeline;
import org.deskcrm.model.deal.ScoreBand;
import org.deskcrm.model.report.ReportFilter;
import org.deskcrm.model.report.ReportTable;
import org.deskcrm.persistence.TestDatabases;
import org.deskcrm.service.report.ReportCatalog;
import org.deskcrm.service.report.ReportSupport;
import org.deskcrm.service.report.ReportData;
import org.deskcrm.ui.common.Debouncer;
import org.deskcrm.ui.common.I18n;
import org.deskcrm.ui.common.SameThreadExecutor;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.prefs.Preferences;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Per-pipeline reports open where the data is: on H2 with deals only in a pipeline other than the first,
 * the funnel, snapshot and velocity default to that pipeline, in the service (as the command line calls
 * it) and in the window, which also remembers the pipeline each person chose for each report.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReportPipelineDefaultTest {
    static final Instant NOW = Instant.parse("2026-03-16T09:00:00Z");
    AppContext ctx;
    ReportCatalog reports;
    long first;
    Pipeline other;
    Preferences prefs;
    Long user = 1L;

    @BeforeAll
    void open() {
        ctx = new AppContext(TestDatabases.h2(), Clock.fixed(NOW, ZoneOffset.UTC));
        ctx.referenceData().ensureDefaults(Locale.ENGLISH);
        reports = new ReportCatalog(new ReportSupport(ctx.database(), ctx.settings(), ctx.clock()));
        List<Pipeline> all = ctx.pipelines().findAll();
        first = reports.support().pipelineNames().keySet().iterator().next();
        other = all.stream().filter(p -> p.id() != first).reduce((a, b) -> b).orElseThrow();
        ReportData data = new ReportData(ctx);
        long owner = data.user("olga", null);
        long client = data.client("Acme", owner, Instant.parse("2026-01-10T09:00:00Z"));
        for (int i = 0; i < 3; i++) {
            long deal = data.deal(client, owner, other, other.stages().get(0), "10.00", null, ScoreBand.COLD, null,
                    Instant.parse("2026-03-0" + (2 + i) + "T09:00:00Z"));
            data.move(deal, other.stages().get(1), Instant.parse("2026-03-1" + i + "T09:00:00Z"));
        }
        prefs = Preferences.userRoot().node("org/deskcrm/test/" + UUID.randomUUID());
    }

    @AfterAll
    void close() throws Exception {
        prefs.removeNode();
        ctx.close();
    }

    static ReportFilter march() {
        return ReportFilter.period(LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 31));
    }

    @Test
    void perPipelineReportsDefaultToThePipelineWithTheDeals() {
        assertThat(other.id()).isNotEqualTo(first);
        for (String name : List.of("funnel", "funnel-snapshot", "velocity")) {
            ReportTable t = reports.get(name).run(march());
            assertThat(t.filter().pipelineId()).as(name).isEqualTo(other.id());
        }
        ReportTable funnel = reports.get("funnel").run(march());
        assertThat(funnel.summary().get("cohort")).isEqualTo(3L);
        ReportTable velocity = reports.get("velocity").run(march());
        assertThat(velocity.value(Long.toString(other.stages().get(0).id()), "deals")).isEqualTo(3L);
        // a chosen pipeline is kept even when empty; a period without deals falls back to the first pipeline
        assertThat(reports.get("funnel").run(march().withPipeline(first)).filter().pipelineId()).isEqualTo(first);
        ReportFilter quiet = ReportFilter.period(LocalDate.of(2025, 3, 1), LocalDate.of(2025, 3, 31));
        assertThat(reports.get("funnel").run(quiet).filter().pipelineId()).isEqualTo(first);
    }

    @Test
    void theDefaultIsJudgedOnTheMonthsThePeriodTouches() {
        // no deal was created or moved on March 20-25, but March's deals are in the other pipeline (ADR 0036)
        ReportFilter lateMarch = ReportFilter.period(LocalDate.of(2026, 3, 20), LocalDate.of(2026, 3, 25));
        for (String name : List.of("funnel", "funnel-snapshot", "velocity")) {
            assertThat(reports.get(name).run(lateMarch).filter().pipelineId()).as(name).isEqualTo(other.id());
        }
        ReportFilter aprilToo = ReportFilter.period(LocalDate.of(2026, 3, 31), LocalDate.of(2026, 4, 2));
        assertThat(reports.get("velocity").run(aprilToo).filter().pipelineId()).isEqualTo(other.id());
    }

    ReportViewModel vm(String name, PipelineMemory memory) {
        I18n i18n = new I18n(Locale.ENGLISH);
        ReportViewModel vm = new ReportViewModel(reports.get(name), new SameThreadExecutor(), i18n,
                reports.support().exporter(Locale.ENGLISH), reports.support()::choices, Debouncer.immediate());
        vm.rememberingPipelines(memory);
        vm.open();
        return vm;
    }

    @Test
    void theWindowOpensOnThePipelineThePersonLastChoseForThatReport() {
        PipelineMemory memory = new PipelineMemory(prefs, () -> user);
        ReportViewModel funnel = vm("funnel", memory);
        assertThat(funnel.tableProperty().get().filter().pipelineId()).isEqualTo(other.id());
        funnel.pipelineIdProperty().set(first);
        assertThat(funnel.tableProperty().get().filter().pipelineId()).isEqualTo(first);

        assertThat(vm("funnel", memory).pipelineIdProperty().get()).isEqualTo(first);
        assertThat(vm("funnel", memory).tableProperty().get().filter().pipelineId()).isEqualTo(first);
        assertThat(vm("velocity", memory).tableProperty().get().filter().pipelineId()).isEqualTo(other.id());
        // another person on this desktop has no choice remembered
        assertThat(vm("funnel", new PipelineMemory(prefs, () -> 2L)).tableProperty().get().filter().pipelineId())
                .isEqualTo(other.id());
        // choosing "all pipelines" forgets the choice
        vm("funnel", memory).pipelineIdProperty().set(null);
        assertThat(vm("funnel", memory).pipelineIdProperty().get()).isNull();
    }
}
