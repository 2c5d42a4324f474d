package org.deskcrm.model.report;

import java.util.List;

/**
 * One human column of a drill-down grid (a deal's title, client, manager...), never an internal id. Its key
 * names the header ({@code report.drill.col.KEY}); a {@link Kind#CODE} value (a call's direction, a task's
 * status) is shown in the user's language.
 */
public record DrillField(String key, Kind kind) {
    /** How the value is held and shown: text, a stored code, money, a date, a time of day with its date, seconds. */
    public enum Kind { TEXT, CODE, MONEY, DATE, TIME, SECONDS }

    /** The amount behind the figure (the drill item's own amount, so that the grid sums to the figure). */
    public static final DrillField AMOUNT = new DrillField("amount", Kind.MONEY);
    /** The kind of record, in a grid that lists records of several kinds. */
    public static final DrillField ENTITY = new DrillField("entity", Kind.CODE);
    /** What the report says about the record when the record's columns do not (e.g. a status transition). */
    public static final DrillField DETAILS = new DrillField("details", Kind.TEXT);

    /**
     * The columns read from the database for records of this kind ({@code deal}, {@code call}, {@code client},
     * {@code task}, {@code sale}, {@code activity}, {@code deal_stage_history}); empty for other kinds, which
     * show what the report says about them.
     */
    public static List<DrillField> of(String entity) {
        return switch (entity) {
            case "deal" -> List.of(text("title"), text("client"), text("manager"), text("stage"),
                    new DrillField("created", Kind.DATE));
            case "deal_stage_history" -> List.of(text("title"), text("client"), text("manager"), text("stage"),
                    new DrillField("time", Kind.TIME));
            case "call" -> List.of(new DrillField("time", Kind.TIME), text("client"), text("manager"),
                    new DrillField("direction", Kind.CODE), new DrillField("status", Kind.CODE),
                    new DrillField("duration", Kind.SECONDS));
            case "client" -> List.of(text("name"), text("manager"), new DrillField("lifecycle", Kind.CODE),
                    new DrillField("created", Kind.DATE));
            case "task" -> List.of(text("title"), text("client"), text("assignee"), new DrillField("kind", Kind.CODE),
                    new DrillField("due", Kind.TIME), new DrillField("task_status", Kind.CODE));
            case "sale" -> List.of(new DrillField("date", Kind.DATE), text("client"), text("manager"),
                    text("document"), new DrillField("paid", Kind.MONEY));
            case "activity" -> List.of(new DrillField("time", Kind.TIME), new DrillField("activity", Kind.CODE),
                    text("subject"), text("client"), text("manager"));
            default -> List.of();
        };
    }

    private static DrillField text(String key) {
        return new DrillField(key, Kind.TEXT);
    }
}
