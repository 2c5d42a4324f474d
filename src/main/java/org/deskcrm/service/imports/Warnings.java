package org.deskcrm.service.imports;

import org.deskcrm.model.io.CellIssue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Preview warnings counted per kind: one line per kind names how many rows it concerns and the first
 * of them (message arguments: the count, the first row, then the kind's own argument).
 */
final class Warnings {
    private record Tally(String field, int firstRow, Object extra, int[] count) {
    }

    private final Map<String, Tally> byKey = new LinkedHashMap<>();

    void add(String key, String field, int row) {
        add(key, field, row, "");
    }

    void add(String key, String field, int row, Object extra) {
        byKey.computeIfAbsent(key, k -> new Tally(field, row, extra, new int[1])).count()[0]++;
    }

    List<CellIssue> list(RowCells cells) {
        List<CellIssue> out = new ArrayList<>();
        byKey.forEach((key, t) -> out.add(CellIssue.of(t.firstRow(), cells.header(t.field()), key, t.count()[0],
                t.firstRow(), t.extra())));
        return out;
    }
}
