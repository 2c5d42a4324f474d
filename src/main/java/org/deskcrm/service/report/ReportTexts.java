package org.deskcrm.service.report;

import org.deskcrm.model.report.ReportFilter;
import org.deskcrm.model.report.ReportTable;
import org.deskcrm.persistence.report.ReportLookups;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;

/** Report titles, column headers and filter descriptions in the user's language (bundle {@code i18n/ui/report}). */
public final class ReportTexts {
    private final ResourceBundle bundle;
    private final Locale locale;

    public ReportTexts(Locale locale) {
        this.locale = locale;
        this.bundle = ResourceBundle.getBundle("org.deskcrm.i18n.ui.report", locale);
    }

    public Locale locale() {
        return locale;
    }

    public String get(String key) {
        return bundle.containsKey(key) ? bundle.getString(key) : key;
    }

    public String format(String key, Object... args) {
        return org.deskcrm.model.common.Messages.format(get(key), locale, args);
    }

    /** A code in a text column in the user's language ({@code report.value.COLUMN.CODE}), else the value as it is. */
    public Object value(String column, Object code) {
        String key = "report.value." + column + "." + code;
        return bundle.containsKey(key) ? bundle.getString(key) : code;
    }

    public String title(String report) {
        return get("report.title." + report);
    }

    public String column(String key) {
        return get("report.col." + key);
    }

    /** The label of a summary figure ({@code report.sum.KEY}), the same the window shows. */
    public String summary(String key) {
        return get("report.sum." + key);
    }

    /** The filter as "label: value" lines, names looked up (written above an exported table). */
    public List<String[]> filterLines(ReportTable t, ReportLookups lookups) {
        ReportFilter f = t.filter();
        List<String[]> lines = new ArrayList<>();
        lines.add(new String[] {get("report.filter.report"), title(t.report())});
        lines.add(new String[] {get("report.filter.period"), f.from() + " – " + f.to()});
        if (f.pipelineId() != null) {
            lines.add(new String[] {get("report.filter.pipeline"), pipelineName(lookups, f.pipelineId())});
        }
        if (f.managerId() != null) {
            lines.add(new String[] {get("report.filter.manager"), name(lookups.userNames(), f.managerId())});
        }
        if (f.teamId() != null) {
            lines.add(new String[] {get("report.filter.team"), name(lookups.teamNames(), f.teamId())});
        }
        if (f.sourceId() != null) {
            lines.add(new String[] {get("report.filter.source"), name(lookups.sourceNames(), f.sourceId())});
        }
        if (f.grain() != null) {
            lines.add(new String[] {get("report.filter.grain"), get("report.grain." + f.grain().code())});
        }
        if (f.attribute() != null) {
            lines.add(new String[] {get("report.filter.attribute"), get("report.attribute." + f.attribute().code())});
        }
        if (f.band() != null) {
            lines.add(new String[] {get("report.filter.band"), f.band().code()});
        }
        return lines;
    }

    private static String pipelineName(ReportLookups lookups, long id) {
        return lookups.pipelineNames().getOrDefault(id, Long.toString(id));
    }

    private static String name(Map<Long, String> names, long id) {
        return names.getOrDefault(id, Long.toString(id));
    }
}
