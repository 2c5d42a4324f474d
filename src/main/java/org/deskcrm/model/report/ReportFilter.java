package org.deskcrm.model.report;

import org.deskcrm.model.common.AppException;
import org.deskcrm.model.deal.ScoreBand;

import java.time.LocalDate;

/**
 * What every report is filtered by: a period of business days (both ends inclusive, in the business
 * time zone), and optionally a pipeline, a manager or a team, a lead source and a score band.
 * Source and band narrow deal figures only; calls, meetings and tasks have neither. The grain (null:
 * the report's own default) splits the rows of the reports that offer it by day or week; the attribute
 * (null: the report's own default) is what the reports that offer it group deals by (sales analysis).
 */
public record ReportFilter(LocalDate from, LocalDate to, Long pipelineId, Long managerId, Long teamId,
                           Long sourceId, ScoreBand band, Grain grain, DealAttribute attribute) {

    public ReportFilter(LocalDate from, LocalDate to, Long pipelineId, Long managerId, Long teamId,
                        Long sourceId, ScoreBand band, Grain grain) {
        this(from, to, pipelineId, managerId, teamId, sourceId, band, grain, null);
    }

    public ReportFilter(LocalDate from, LocalDate to, Long pipelineId, Long managerId, Long teamId,
                        Long sourceId, ScoreBand band) {
        this(from, to, pipelineId, managerId, teamId, sourceId, band, null);
    }

    public ReportFilter {
        if (from == null || to == null) {
            throw new AppException("error.report.periodMissing");
        }
        if (to.isBefore(from)) {
            throw new AppException("error.report.periodReversed", from, to);
        }
    }

    public static ReportFilter period(LocalDate from, LocalDate to) {
        return new ReportFilter(from, to, null, null, null, null, null, null, null);
    }

    public ReportFilter withPipeline(Long id) {
        return new ReportFilter(from, to, id, managerId, teamId, sourceId, band, grain, attribute);
    }

    public ReportFilter withManager(Long id) {
        return new ReportFilter(from, to, pipelineId, id, teamId, sourceId, band, grain, attribute);
    }

    public ReportFilter withTeam(Long id) {
        return new ReportFilter(from, to, pipelineId, managerId, id, sourceId, band, grain, attribute);
    }

    public ReportFilter withSource(Long id) {
        return new ReportFilter(from, to, pipelineId, managerId, teamId, id, band, grain, attribute);
    }

    public ReportFilter withBand(ScoreBand b) {
        return new ReportFilter(from, to, pipelineId, managerId, teamId, sourceId, b, grain, attribute);
    }

    public ReportFilter withPeriod(LocalDate newFrom, LocalDate newTo) {
        return new ReportFilter(newFrom, newTo, pipelineId, managerId, teamId, sourceId, band, grain, attribute);
    }

    public ReportFilter withGrain(Grain g) {
        return new ReportFilter(from, to, pipelineId, managerId, teamId, sourceId, band, g, attribute);
    }

    public ReportFilter withAttribute(DealAttribute a) {
        return new ReportFilter(from, to, pipelineId, managerId, teamId, sourceId, band, grain, a);
    }

    /** The attribute, or the given default when none is chosen. */
    public DealAttribute attributeOr(DealAttribute fallback) {
        return attribute == null ? fallback : attribute;
    }

    /** The grain, or the given default when none is chosen. */
    public Grain grainOr(Grain fallback) {
        return grain == null ? fallback : grain;
    }
}
