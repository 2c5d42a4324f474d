package org.deskcrm.service.report;

import org.deskcrm.model.audit.AuditEvent;
import org.deskcrm.model.report.Column;
import org.deskcrm.model.report.Drill;
import org.deskcrm.model.report.ReportFilter;
import org.deskcrm.model.report.ReportScope;
import org.deskcrm.model.report.ReportTable;

import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

/**
 * Event feed: every action of every user in the period, oldest first, in business time: who, what,
 * which record, field, old → new. The manager or team filter narrows it to their actions. At most
 * {@link #LIMIT} events; the summary says whether the feed was cut.
 */
public final class EventFeedReport implements Report {
    public static final String NAME = "events";
    static final int LIMIT = 100_000;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private final ReportSupport support;

    public EventFeedReport(ReportSupport support) {
        this.support = support;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public ReportTable run(ReportFilter f) {
        ReportScope s = support.scope(f);
        List<AuditEvent> events = support.history.events(s, LIMIT + 1);
        Map<Long, String> users = support.lookups.userNames();
        TableBuilder t = new TableBuilder(NAME, f, Column.text("time"), Column.text("user"), Column.text("action"),
                Column.text("entity"), Column.text("record"), Column.text("field"), Column.text("old_value"),
                Column.text("new_value"), Column.text("details"));
        events.stream().limit(LIMIT).forEach(e -> t.row(Long.toString(e.id()), TIME.format(e.occurredAt().atZone(s.zone())),
                e.userId() == null ? null : users.get(e.userId()), e.action().code(), e.entity(),
                e.entityId() == null ? null : e.entityId().toString(), e.field(), e.oldValue(), e.newValue(), e.details()));
        t.summary("events", (long) Math.min(events.size(), LIMIT)).summary("truncated", events.size() > LIMIT);
        return t.build();
    }

    @Override
    public Drill drill(ReportFilter f, String column, String rowKey) {
        throw ReportSupport.unknownFigure(NAME, column);
    }
}
