package org.deskcrm.ui.client;

import org.deskcrm.model.client.TimelineEntry;
import org.deskcrm.model.common.Texts;
import org.deskcrm.ui.common.I18n;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.function.BiFunction;

/** Turns timeline entries into localized lines ("Outgoing call, answered: +7 912 ..."). */
final class TimelineFormatter {
    private final I18n i18n;
    private final DateTimeFormatter time;
    private final BiFunction<String, String, String> valueName;

    /** {@code valueName} turns an audited (field, value) into what a person reads (ids into names). */
    TimelineFormatter(I18n i18n, ZoneId zone, BiFunction<String, String, String> valueName) {
        this.i18n = i18n;
        this.valueName = valueName;
        this.time = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.SHORT).withLocale(i18n.locale()).withZone(zone);
    }

    TimelineItem format(TimelineEntry e) {
        String when = e.at() == null ? "" : time.format(e.at());
        String user = e.userName() == null ? "" : e.userName();
        return switch (e.kind()) {
            case CALL -> {
                String[] c = split(e.code());
                long sec = e.amount() == null ? 0 : e.amount().longValue();
                String headline = i18n.format("client.timeline.call", label("client.call.dir.", c[0]),
                        label("client.call.status.", c[1]), nz(e.title()),
                        String.format("%d:%02d", sec / 60, sec % 60));
                yield new TimelineItem(e.kind(), when, headline, nz(e.detail()), user);
            }
            case TASK -> {
                String[] c = split(e.code());
                String kind = label("client.task.kind.", c[0]);
                String headline = i18n.format("client.timeline.task", kind, withoutPrefix(kind, e.title()),
                        label("client.task.status.", c[1]));
                yield new TimelineItem(e.kind(), when, headline, nz(e.detail()), user);
            }
            case NOTE -> new TimelineItem(e.kind(), when,
                    i18n.format("client.timeline.note", label("client.activity.", e.code()),
                            withoutPrefix(label("client.activity.", e.code()), e.title())),
                    Texts.isBlank(e.detail()) || e.detail().equals(e.title()) ? "" : e.detail(), user);
            case DEAL -> new TimelineItem(e.kind(), when, e.from() == null
                    ? i18n.format("client.timeline.dealCreated", nz(e.title()), nz(e.to()))
                    : i18n.format("client.timeline.dealMoved", nz(e.title()), e.from(), nz(e.to())),
                    e.amount() == null ? "" : i18n.format("client.timeline.amount", e.amount()), user);
            case EDIT -> edit(e, when, user);
        };
    }

    private TimelineItem edit(TimelineEntry e, String when, String user) {
        String action = nz(e.code());
        if (e.title() == null) {
            return new TimelineItem(e.kind(), when, label("client.audit.", action), nz(e.detail()), user);
        }
        String field = label("client.field.", e.title());
        String headline = i18n.format("client.timeline.edit", field);
        String detail = i18n.format("client.timeline.change", dash(valueName.apply(e.title(), e.from())),
                dash(valueName.apply(e.title(), e.to())));
        return new TimelineItem(e.kind(), when, headline, detail, user);
    }

    private String label(String prefix, String code) {
        String key = prefix + code;
        return i18n.has(key) ? i18n.get(key) : code;
    }

    private static String[] split(String code) {
        String[] p = code == null ? new String[0] : code.split(":", 2);
        return new String[]{p.length > 0 ? p[0] : "", p.length > 1 ? p[1] : ""};
    }

    /** The title without a leading "Kind:" that the headline already says (never "Call: Call: Andrew King"). */
    static String withoutPrefix(String kind, String title) {
        String t = nz(title).strip();
        int n = kind.length();
        if (n > 0 && t.length() > n && t.charAt(n) == ':' && t.regionMatches(true, 0, kind, 0, n)) {
            return t.substring(n + 1).strip();
        }
        return t;
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    private static String dash(String s) {
        return Texts.isBlank(s) ? "—" : s;
    }
}
