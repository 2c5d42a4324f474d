package org.deskcrm.model.report;

import org.deskcrm.model.common.AppException;
import org.deskcrm.model.deal.ScoreBand;

import java.time.LocalDate;

/**
 * What every report is filtered by: a period of business days (both ends inclusive, in the business
 * time zone), and optionally a pipeline, a manager or a team, a lead source and a score band.
 * Source and band narrow deal figures only; calls, meetings and tasks have neither.
 */
public record ReportFilter(LocalDate from, LocalDate to, Long pipelineId, Long managerId, Long teamId,
                           Long sourceId, ScoreBand band) {

    public ReportFilter {
        if (from == null || to == null) {
            throw new AppException("error.report.periodMissing");
        }
        if (to.isBefore(from)) {
            throw new AppException("error.report.periodReversed", from, to);
        }
    }

    public static ReportFilter period(LocalDate from, LocalDate to) {
        return new ReportFilter(from, to, null, null, null, null, null);
    }

    public ReportFilter withPipeline(Long id) {
        return new ReportFilter(from, to, id, managerId, teamId, sourceId, band);
    }

    public ReportFilter withManager(Long id) {
        return new ReportFilter(from, to, pipelineId, id, teamId, sourceId, band);
    }

    public ReportFilter withTeam(Long id) {
        return new ReportFilter(from, to, pipelineId, managerId, id, sourceId, band);
    }

    public ReportFilter withSource(Long id) {
        return new ReportFilter(from, to, pipelineId, managerId, teamId, id, band);
    }

    public ReportFilter withBand(ScoreBand b) {
        return new ReportFilter(from, to, pipelineId, managerId, teamId, sourceId, b);
    }

    public ReportFilter withPeriod(LocalDate newFrom, LocalDate newTo) {
        return new ReportFilter(newFrom, newTo, pipelineId, managerId, teamId, sourceId, band);
    }
}
