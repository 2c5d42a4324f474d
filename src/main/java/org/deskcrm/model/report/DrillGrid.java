package org.deskcrm.model.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The records behind a figure as the window and its export show them: the record's human columns
 * ({@link DrillField#of}), the report's note on the record where it says more than they do, and the amount
 * behind the figure; one row per drill item, in the drill's order.
 */
public record DrillGrid(Drill drill, List<DrillField> fields, List<List<Object>> rows) {
    public DrillGrid {
        fields = List.copyOf(fields);
        rows = rows.stream().map(r -> java.util.Collections.unmodifiableList(new ArrayList<>(r))).toList();
    }

    /**
     * Builds the grid from the drill and the records' columns read by id ({@code records}: id to the values of
     * {@link DrillField#of} of the drill's kind). A kind without columns shows the item's label.
     */
    public static DrillGrid of(Drill drill, Map<String, Map<Long, List<Object>>> records) {
        List<DrillField> fields = new ArrayList<>();
        java.util.Set<String> kinds = new java.util.LinkedHashSet<>();
        drill.items().forEach(i -> kinds.add(i.entity()));
        String kind = kinds.size() == 1 ? kinds.iterator().next() : "";
        List<DrillField> own = DrillField.of(kind);
        boolean mixed = kinds.size() > 1;
        if (mixed) {
            fields.add(DrillField.ENTITY);
        }
        fields.addAll(own);
        boolean details = own.isEmpty() || drill.items().stream().anyMatch(i -> saysMore(i, own, records.get(kind)));
        if (details) {
            fields.add(DrillField.DETAILS);
        }
        boolean amounts = drill.kind() == DrillKind.SUM || drill.items().stream().anyMatch(i -> i.amount() != null);
        if (amounts) {
            fields.add(DrillField.AMOUNT);
        }
        List<List<Object>> rows = new ArrayList<>();
        for (DrillItem i : drill.items()) {
            List<Object> row = new ArrayList<>();
            if (mixed) {
                row.add(i.entity());
            }
            List<Object> values = own.isEmpty() || records.get(kind) == null ? null : records.get(kind).get(i.id());
            for (int f = 0; f < own.size(); f++) {
                row.add(values == null ? null : values.get(f));
            }
            if (details) {
                row.add(i.label());
            }
            if (amounts) {
                row.add(i.amount());
            }
            rows.add(row);
        }
        return new DrillGrid(drill, fields, rows);
    }

    /** True when the report's label of the item is more than the record's first column (its title or name). */
    private static boolean saysMore(DrillItem i, List<DrillField> own, Map<Long, List<Object>> records) {
        if (i.label() == null || i.label().isBlank() || !"client".equals(i.entity())) {
            return false;
        }
        List<Object> values = records == null ? null : records.get(i.id());
        return values == null || !i.label().equals(values.get(0));
    }
}
