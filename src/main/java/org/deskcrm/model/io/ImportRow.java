package org.deskcrm.model.io;

import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * One data row of a file: its number as the user sees it, the cell texts in column order, and the
 * columns whose cell was a formula (a formula is never imported: the cell is reported instead). Kept as
 * compact as a row can be (an array of the texts, no copy of an empty formula set), because a file of a
 * million rows is held whole while it is checked.
 */
public final class ImportRow {
    private static final String[] NONE = new String[0];
    private final int number;
    private final String[] cells;
    private final Set<Integer> formulaColumns;

    public ImportRow(int number, List<String> cells, Set<Integer> formulaColumns) {
        this(number, cells.toArray(NONE), formulaColumns);
    }

    private ImportRow(int number, String[] cells, Set<Integer> formulaColumns) {
        for (String c : cells) {
            if (c == null) {
                throw new NullPointerException("cell");
            }
        }
        this.number = number;
        this.cells = cells;
        this.formulaColumns = formulaColumns.isEmpty() ? Set.of() : Set.copyOf(formulaColumns);
    }

    /** A row over the given array, which the caller hands over (it must not change it afterwards). */
    public static ImportRow of(int number, String[] cells, Set<Integer> formulaColumns) {
        return new ImportRow(number, cells, formulaColumns);
    }

    public int number() {
        return number;
    }

    /** The cell texts, read-only. */
    public List<String> cells() {
        return java.util.Collections.unmodifiableList(Arrays.asList(cells));
    }

    public Set<Integer> formulaColumns() {
        return formulaColumns;
    }

    public String cell(int column) {
        return column >= 0 && column < cells.length ? cells[column] : "";
    }

    /** How many cells the row has. */
    public int size() {
        return cells.length;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ImportRow r && r.number == number && Arrays.equals(r.cells, cells)
                && r.formulaColumns.equals(formulaColumns);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * number + Arrays.hashCode(cells)) + formulaColumns.hashCode();
    }

    @Override
    public String toString() {
        return "ImportRow[number=" + number + ", cells=" + Arrays.toString(cells) + ", formulaColumns=" + formulaColumns + "]";
    }
}
