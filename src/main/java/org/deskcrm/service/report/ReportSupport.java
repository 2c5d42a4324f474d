package org.deskcrm.service.report;

import org.deskcrm.model.common.AppException;
import org.deskcrm.model.report.Drill;
import org.deskcrm.model.report.DrillItem;
import org.deskcrm.model.report.DrillKind;
import org.deskcrm.model.report.ReportFilter;
import org.deskcrm.model.report.ReportScope;
import org.deskcrm.persistence.Database;
import org.deskcrm.persistence.SettingsRepository;
import org.deskcrm.persistence.report.ActivityFigures;
import org.deskcrm.persistence.report.DealFigures;
import org.deskcrm.persistence.report.FunnelQueries;
import org.deskcrm.persistence.report.PlanQueries;
import org.deskcrm.persistence.report.ReportLookups;
import org.deskcrm.persistence.report.SalesQueries;
import org.deskcrm.persistence.report.WorkQueries;
import org.deskcrm.persistence.report.HistoryQueries;
import org.deskcrm.persistence.report.DatedFacts;
import org.deskcrm.persistence.report.FirstCallQueries;
import org.deskcrm.persistence.report.LifecycleQueries;
import org.deskcrm.persistence.report.SpanFigures;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

/** What every report needs: the queries, the business time zone and today's date in it. */
public final class ReportSupport {
    public static final String TIME_ZONE_SETTING = SettingsRepository.BUSINESS_TIME_ZONE;

    final ReportLookups lookups;
    final DealFigures deals;
    final FunnelQueries funnel;
    final ActivityFigures activity;
    final PlanQueries plans;
    final SalesQueries sales;
    final WorkQueries work;
    final HistoryQueries history;
    final org.deskcrm.persistence.report.DurationFigures durations;
    final DatedFacts dated;
    final FirstCallQueries firstCalls;
    final LifecycleQueries lifecycle;
    final SpanFigures spans;
    final org.deskcrm.persistence.report.CallFigures callFigures;
    final org.deskcrm.persistence.report.SalesFacts closedDeals;
    final org.deskcrm.persistence.report.ProductSales productSales;
    private final org.deskcrm.persistence.report.PipelineActivity pipelineActivity;
    private final org.deskcrm.persistence.report.DrillRecords drillRecords;
    private final SettingsRepository settings;
    private final Clock clock;
    private java.util.function.Supplier<org.deskcrm.model.user.AccessScope> access = org.deskcrm.model.user.AccessScope::all;

    public ReportSupport(Database db, SettingsRepository settings, Clock clock) {
        this.lookups = new ReportLookups(db);
        this.deals = new DealFigures(db);
        this.funnel = new FunnelQueries(db);
        this.activity = new ActivityFigures(db);
        this.plans = new PlanQueries(db);
        this.sales = new SalesQueries(db);
        this.work = new WorkQueries(db);
        this.history = new HistoryQueries(db);
        this.durations = new org.deskcrm.persistence.report.DurationFigures(db);
        this.dated = new DatedFacts(db);
        this.firstCalls = new FirstCallQueries(db);
        this.lifecycle = new LifecycleQueries(db);
        this.spans = new SpanFigures(db);
        this.callFigures = new org.deskcrm.persistence.report.CallFigures(db);
        this.closedDeals = new org.deskcrm.persistence.report.SalesFacts(db);
        this.productSales = new org.deskcrm.persistence.report.ProductSales(db);
        this.pipelineActivity = new org.deskcrm.persistence.report.PipelineActivity(db);
        this.drillRecords = new org.deskcrm.persistence.report.DrillRecords(db);
        this.settings = settings;
        this.clock = clock;
    }

    /** The time zone the business counts its days in (setting {@code business.time_zone}). */
    public ZoneId zone() {
        String id = settings.get(TIME_ZONE_SETTING).orElse(null);
        if (id == null || id.isBlank()) {
            return SettingsRepository.DEFAULT_BUSINESS_ZONE;
        }
        try {
            return ZoneId.of(id);
        } catch (DateTimeException e) {
            throw new AppException("error.report.badTimeZone", id);
        }
    }

    /** A setting's value, null when missing. */
    String setting(String name) {
        return settings.get(name).orElse(null);
    }

    /** A whole-number setting, or the default when it is missing or not a number. */
    int intSetting(String name, int fallback) {
        try {
            return settings.get(name).map(String::strip).map(Integer::parseInt).orElse(fallback);
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    public ReportScope scope(ReportFilter f) {
        return new ReportScope(visible(f), zone());
    }

    /**
     * Restricts every report to the signed-in user's figures: a manager's own whatever manager or team
     * the filter names, a supervisor's team's. Called once by the composition root.
     */
    public ReportSupport restrictedTo(java.util.function.Supplier<org.deskcrm.model.user.AccessScope> scope) {
        this.access = scope;
        return this;
    }

    /**
     * The filter narrowed to what the current scope may see: the intersection of the filter's people with the
     * scope's, never a replacement. A manager asking for a colleague (or another team), or a supervisor for
     * another team, gets nothing, not the asker's own figures under the colleague's name
     * (docs/decisions/0008-plan-fact-totals-visibility.md).
     */
    ReportFilter visible(ReportFilter f) {
        org.deskcrm.model.user.AccessScope a = access.get();
        return switch (a.kind()) {
            case ALL -> f;
            case OWNER -> (f.managerId() != null && !f.managerId().equals(a.userId()))
                    || (f.teamId() != null && !f.teamId().equals(a.teamId()))
                    ? f.withManager(NOBODY) : f.withManager(a.userId());
            case TEAM -> a.teamId() == null || (f.teamId() != null && !f.teamId().equals(a.teamId()))
                    ? f.withTeam(NOBODY) : f.withTeam(a.teamId());
        };
    }

    /** The signed-in user's access scope (which rows a report may show). */
    org.deskcrm.model.user.AccessScope access() {
        return access.get();
    }

    /** A user and team id no record has: a filter naming it selects nothing. */
    static final long NOBODY = -1L;

    public java.time.Instant now() {
        return clock.instant();
    }

    public LocalDate today() {
        return LocalDate.now(clock.withZone(zone()));
    }

    /** Pipeline names by id, in order (filter choices). */
    public java.util.Map<Long, String> pipelineNames() {
        return lookups.pipelineNames();
    }

    /** User names by id, by name (filter choices). */
    public java.util.Map<Long, String> userNames() {
        return lookups.userNames();
    }

    /** Team names by id, by name (filter choices). */
    public java.util.Map<Long, String> teamNames() {
        return lookups.teamNames();
    }

    /** Lead source names by id, by name (filter choices). */
    public java.util.Map<Long, String> sourceNames() {
        return lookups.sourceNames();
    }

    /** Everything a filter bar offers, read at once (runs queries: call it off the FX thread). */
    public org.deskcrm.model.report.FilterChoices choices() {
        return new org.deskcrm.model.report.FilterChoices(today(), pipelineNames(), userNames(), teamNames(), sourceNames());
    }

    /** An exporter writing headers and filters in the given language. */
    public ReportExport exporter(java.util.Locale locale) {
        return new ReportExport(new ReportTexts(locale), lookups,
                () -> org.deskcrm.service.settings.BusinessCurrency.read(settings));
    }

    /**
     * The filter with a pipeline: the given one, else the pipeline with the most deals created or closed in
     * the period (never an empty default while another pipeline has the data), else the first pipeline.
     */
    ReportFilter withPipeline(ReportFilter f) {
        if (f.pipelineId() != null) {
            return f;
        }
        java.util.Optional<Long> busiest = pipelineActivity.busiest(scope(f));
        return f.withPipeline(busiest.or(lookups::firstPipeline)
                .orElseThrow(() -> new AppException("error.report.noPipeline")));
    }

    /** The records of a drill with their human columns (client, manager, stage, dates), as its grid shows them. */
    public org.deskcrm.model.report.DrillGrid grid(Drill d) {
        java.util.Map<String, java.util.Map<Long, List<Object>>> records = new java.util.HashMap<>();
        d.items().stream().map(DrillItem::entity).distinct().forEach(e -> records.put(e, drillRecords.read(e,
                d.items().stream().filter(i -> i.entity().equals(e)).map(DrillItem::id).toList())));
        return org.deskcrm.model.report.DrillGrid.of(d, records);
    }

    static Drill drill(String report, String column, String rowKey, DrillKind kind, List<DrillItem> items) {
        return new Drill(report, column, rowKey, kind, items);
    }

    static AppException unknownFigure(String report, String column) {
        return new AppException("error.report.unknownFigure", report, column);
    }
}
