package org.deskcrm.service.report;

import org.deskcrm.AppContext;
import org.deskcrm.model.call.CallDirection;
import org.deskcrm.model.call.CallStatus;
import org.deskcrm.model.deal.Pipeline;
import org.deskcrm.model.deal.ScoreBand;
import org.deskcrm.model.report.Drill;
import org.deskcrm.model.report.DrillField;
import org.deskcrm.model.report.DrillGrid;
import org.deskcrm.model.report.DrillItem;
import org.deskcrm.model.report.DrillKind;
import org.deskcrm.persistence.Database;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The drill-down grid reads each record's human columns by id (client and manager names, the stage, times),
 * never an id, and keeps the amount behind the figure; on H2 and on PostgreSQL.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class DrillRecordsContract {
    static final Instant NOW = Instant.parse("2026-03-16T09:00:00Z");
    AppContext ctx;
    ReportData data;
    ReportSupport support;
    long anna;
    long acme;
    long deal;
    long call;
    long sale;
    long task;

    abstract Database openDatabase();

    @BeforeAll
    void open() {
        ctx = new AppContext(openDatabase(), Clock.fixed(NOW, ZoneOffset.UTC));
        ctx.referenceData().ensureDefaults(Locale.ENGLISH);
        support = new ReportSupport(ctx.database(), ctx.settings(), ctx.clock());
        data = new ReportData(ctx);
        anna = data.user("anna", null);
        acme = data.client("Acme", anna, Instant.parse("2026-01-10T09:00:00Z"));
        Pipeline sales = data.pipeline("sales");
        deal = data.deal(acme, anna, sales, ReportData.stage(sales, "Needs identified"), "1000.00", null, ScoreBand.HOT,
                null, Instant.parse("2026-03-02T09:00:00Z"));
        data.move(deal, ReportData.stage(sales, "Won"), Instant.parse("2026-03-05T09:00:00Z"));
        call = data.call(anna, CallDirection.OUT, CallStatus.ANSWERED, Instant.parse("2026-03-03T10:15:00Z"), 95,
                "+7 912 345-67-89", acme);
        sale = data.sale(acme, anna, "2026-03-06", "700.00", null, "200.00");
        task = data.task(anna, Instant.parse("2026-03-20T12:00:00Z"), null);
    }

    @AfterAll
    void close() {
        ctx.close();
    }

    private DrillGrid grid(String entity, long id, BigDecimal amount) {
        return support.grid(new Drill("manager-rating", "revenue", null, amount == null ? DrillKind.COUNT : DrillKind.SUM,
                List.of(new DrillItem(entity, id, "label " + id, amount))));
    }

    private static List<String> keys(DrillGrid g) {
        return g.fields().stream().map(DrillField::key).toList();
    }

    @Test
    void aDealShowsItsTitleClientManagerStageDateAndTheAmountBehindTheFigure() {
        DrillGrid g = grid("deal", deal, new BigDecimal("1000.00"));
        assertThat(keys(g)).containsExactly("title", "client", "manager", "stage", "created", "amount");
        assertThat(g.rows().get(0)).containsExactly(ctx.database().dsl().select(org.deskcrm.persistence.jooq.Tables.DEAL.TITLE)
                .from(org.deskcrm.persistence.jooq.Tables.DEAL).where(org.deskcrm.persistence.jooq.Tables.DEAL.ID.eq(deal))
                .fetchOne(org.deskcrm.persistence.jooq.Tables.DEAL.TITLE), "Acme", "Anna", "Won",
                Instant.parse("2026-03-02T09:00:00Z"), new BigDecimal("1000.00"));
    }

    @Test
    void aCallShowsItsTimeClientManagerDirectionStatusAndDuration() {
        DrillGrid g = grid("call", call, null);
        assertThat(keys(g)).containsExactly("time", "client", "manager", "direction", "status", "duration");
        assertThat(g.rows().get(0)).containsExactly(Instant.parse("2026-03-03T10:15:00Z"), "Acme", "Anna", "out",
                "answered", 95L);
    }

    @Test
    void aSaleATaskAndAClientShowTheirOwnColumns() {
        DrillGrid s = grid("sale", sale, new BigDecimal("700.00"));
        assertThat(keys(s)).containsExactly("date", "client", "manager", "document", "paid", "amount");
        assertThat(s.rows().get(0).subList(0, 3)).containsExactly(LocalDate.of(2026, 3, 6), "Acme", "Anna");
        assertThat((BigDecimal) s.rows().get(0).get(4)).isEqualByComparingTo("200.00");
        DrillGrid t = grid("task", task, null);
        assertThat(keys(t)).containsExactly("title", "client", "assignee", "kind", "due", "task_status");
        assertThat(t.rows().get(0).subList(2, 6)).isEqualTo(Arrays.asList("Anna", "call",
                Instant.parse("2026-03-20T12:00:00Z"), "open"));
        DrillGrid c = grid("client", acme, null);
        assertThat(keys(c)).as("the report's label says more than the name: kept as details")
                .containsExactly("name", "manager", "lifecycle", "created", "details");
        assertThat(c.rows().get(0).subList(0, 2)).containsExactly("Acme", "Anna");
    }
}
