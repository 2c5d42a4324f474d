package org.deskcrm.ui.report;

import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.deskcrm.model.call.CallDirection;
import org.deskcrm.model.call.CallStatus;
import org.deskcrm.persistence.totals.CallTotals;
import org.deskcrm.service.report.ReportData;
import org.deskcrm.service.report.ReportTotals;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The stale-totals notice in a real report window on H2: with the call totals forgotten (as after an interrupted
 * rebuild) the calls report says its totals are stale and still shows the calls counted from the records; an
 * administrator's "Rebuild totals" rebuilds them and the notice goes; a manager is asked to call an administrator
 * and gets no button.
 */
@ExtendWith(ApplicationExtension.class)
class TotalsNoticeFxTest {
    static ReportUiFixture fx;
    ReportView admin;
    ReportView manager;

    @BeforeAll
    static void open() {
        fx = new ReportUiFixture();
        ReportData data = new ReportData(fx.ctx);
        data.call(fx.anna, CallDirection.OUT, CallStatus.ANSWERED, Instant.parse("2026-03-05T09:00:00Z"), 60);
        data.call(fx.anna, CallDirection.IN, CallStatus.ANSWERED, Instant.parse("2026-03-10T09:00:00Z"), 30);
        new CallTotals(fx.ctx.database().dsl()).invalidate();
    }

    @AfterAll
    static void close() {
        fx.close();
    }

    @Start
    void start(Stage stage) {
        admin = fx.screens().withTotals(new ReportTotals(fx.ctx.database(), fx.ctx.settings(), () -> true)).view("calls");
        manager = fx.screens().withTotals(new ReportTotals(fx.ctx.database(), fx.ctx.settings(), () -> false))
                .view("activity");
        stage.setScene(new Scene(new VBox(admin, manager), 1200, 900));
        stage.show();
    }

    private static Node in(FxRobot robot, ReportView view, String id) {
        return robot.from(view).lookup(id).query();
    }

    @Test
    void aStaleReportSaysSoAndTheRebuildTakesTheNoticeAway(FxRobot robot) {
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(in(robot, admin, "#totalsNotice").isVisible()).isTrue();
        assertThat(in(robot, admin, "#totalsStale").isVisible()).isTrue();
        assertThat(((Label) in(robot, admin, "#totalsStale")).getText()).contains("counted from the records");
        var march = org.deskcrm.model.report.ReportFilter.period(java.time.LocalDate.of(2026, 3, 1),
                java.time.LocalDate.of(2026, 3, 31));
        var table = fx.ctx.reports().get("calls").run(march);
        assertThat(((Number) table.value(org.deskcrm.model.report.ReportTable.TOTALS, "calls")).longValue())
                .as("the records still give the figures").isEqualTo(2);
        assertThat(((Number) table.value(org.deskcrm.model.report.ReportTable.TOTALS, "first_calls")).longValue())
                .as("the 10 March incoming call is a first call").isEqualTo(1);

        assertThat(in(robot, manager, "#totalsStale").isVisible()).isTrue();
        assertThat(((Label) in(robot, manager, "#totalsStale")).getText()).contains("Ask an administrator");
        assertThat(in(robot, manager, "#totalsRebuild").isVisible()).isFalse();

        robot.clickOn(in(robot, admin, "#totalsRebuild"));
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(in(robot, admin, "#totalsStale").isVisible()).isFalse();
        assertThat(in(robot, admin, "#totalsRebuild").isVisible()).isFalse();
        assertThat(((Label) in(robot, admin, "#totalsOutcome")).getText()).isEqualTo(
                "Totals rebuilt: 0 rows differed from the records and were repaired");
        assertThat(new CallTotals(fx.ctx.database().dsl()).current()).isTrue();
    }
}
