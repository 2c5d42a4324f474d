package org.deskcrm.ui.report;

import org.deskcrm.AppContext;
import org.deskcrm.model.deal.Pipeline;
import org.deskcrm.model.deal.ScoreBand;
import org.deskcrm.persistence.TestDatabases;
import org.deskcrm.service.report.ReportData;
import org.deskcrm.ui.common.I18n;
import org.deskcrm.ui.common.SameThreadExecutor;
import org.deskcrm.ui.common.Workspace;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

/** A small data set for the report screens: two managers, three deals won in March 2026, one lost. */
final class ReportUiFixture implements AutoCloseable {
    /** A workspace that remembers the tabs it was asked to open. */
    static final class RecordingWorkspace extends org.deskcrm.ui.common.RecordingWorkspace {
    }

    final AppContext ctx;
    final long anna;
    final long boris;
    final long d1;
    final RecordingWorkspace workspace = new RecordingWorkspace();
    final I18n i18n = new I18n(Locale.ENGLISH);

    ReportUiFixture() {
        ctx = new AppContext(TestDatabases.h2(), Clock.fixed(Instant.parse("2026-03-16T09:00:00Z"), ZoneOffset.UTC));
        ctx.referenceData().ensureDefaults(Locale.ENGLISH);
        ReportData data = new ReportData(ctx);
        anna = data.user("anna", null);
        boris = data.user("boris", null);
        long client = data.client("Acme", anna, Instant.parse("2026-01-10T09:00:00Z"));
        Pipeline sales = data.pipeline("sales");
        var needs = ReportData.stage(sales, "Needs identified");
        var won = ReportData.stage(sales, "Won");
        d1 = data.deal(client, anna, sales, needs, "1000.00", null, ScoreBand.HOT, null, Instant.parse("2026-03-02T09:00:00Z"));
        data.move(d1, won, Instant.parse("2026-03-05T09:00:00Z"));
        long d2 = data.deal(client, anna, sales, needs, "250.00", null, ScoreBand.HOT, null, Instant.parse("2026-03-03T09:00:00Z"));
        data.move(d2, won, Instant.parse("2026-03-06T09:00:00Z"));
        long d3 = data.deal(client, boris, sales, needs, "400.00", null, ScoreBand.HOT, null, Instant.parse("2026-03-03T09:00:00Z"));
        data.move(d3, won, Instant.parse("2026-03-09T09:00:00Z"));
        long d4 = data.deal(client, boris, sales, needs, "999.00", null, ScoreBand.HOT, null, Instant.parse("2026-03-03T09:00:00Z"));
        data.move(d4, ReportData.stage(sales, "Lost"), data.reason("No budget"), Instant.parse("2026-03-10T09:00:00Z"));
    }

    ReportScreens screens() {
        return new ReportScreens(ctx.reports(), new SameThreadExecutor(), i18n, workspace);
    }

    @Override
    public void close() {
        ctx.close();
    }
}
