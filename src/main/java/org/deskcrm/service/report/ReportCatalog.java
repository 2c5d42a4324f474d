package org.deskcrm.service.report;

import org.deskcrm.model.common.AppException;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

/** Every report by name, in menu order; the window and the command line both look reports up here. */
public final class ReportCatalog {
    private final Map<String, Report> reports = new LinkedHashMap<>();
    private final ReportSupport support;

    public ReportCatalog(ReportSupport support) {
        this.support = support;
        add(new FunnelCohortReport(support));
        add(new FunnelSnapshotReport(support));
        for (LostDealsReport.Dimension d : LostDealsReport.Dimension.values()) {
            add(new LostDealsReport(support, d));
        }
        add(new PlanFactReport(support));
        add(new ManagerRatingReport(support));
        add(new LeadSourcesReport(support));
        add(new ActivityPlanReport(support));
        add(new ManagerLoadReport(support));
        add(new CallsReport(support));
        add(new VelocityReport(support));
        add(new SalesAnalysisReport(support));
        add(new ReceivablesReport(support));
        add(new ClientAnalysisReport(support));
        add(new LifecycleReport(support));
        add(new EventFeedReport(support));
    }

    private void add(Report r) {
        reports.put(r.name(), r);
    }

    public Collection<Report> all() {
        return reports.values();
    }

    public Report get(String name) {
        Report r = reports.get(name);
        if (r == null) {
            throw new AppException("error.report.unknown", name);
        }
        return r;
    }

    public ReportSupport support() {
        return support;
    }
}
