package org.deskcrm.service.export;

import java.util.List;
import java.util.Locale;

/**
 * A list ready to be written: what it is ({@code entity}, e.g. "client", for the audit feed), its title,
 * the filters it was taken with as (label, value) lines in the user's language, the columns, the rows,
 * the expected number of rows (for the progress bar; -1 when unknown) and the locale of the formats.
 */
public record ListExport<T>(String entity, String title, List<String[]> filters, List<ExportColumn<T>> columns,
                            RowSource<T> rows, long expectedRows, Locale locale) {
    public ListExport {
        filters = List.copyOf(filters);
        columns = List.copyOf(columns);
        if (columns.isEmpty()) {
            throw new IllegalArgumentException("a list export needs at least one column");
        }
    }
}
