package org.deskcrm.model.io;

import java.util.List;
import java.util.Set;

/**
 * One data row of a file: its number as the user sees it, the cell texts in column order, and the
 * columns whose cell was a formula (a formula is never imported: the cell is reported instead).
 */
public record ImportRow(int number, List<String> cells, Set<Integer> formulaColumns) {
    public ImportRow {
        cells = List.copyOf(cells);
        formulaColumns = Set.copyOf(formulaColumns);
    }

    public String cell(int column) {
        return column >= 0 && column < cells.size() ? cells.get(column) : "";
    }
}
