package org.deskcrm.model.io;

import java.util.List;

/** A file as rows of text: the header row's names and every non-blank data row. */
public record ImportTable(List<String> headers, List<ImportRow> rows) {
    public ImportTable {
        headers = List.copyOf(headers);
        rows = List.copyOf(rows);
    }

    public int columnOf(String header) {
        return header == null ? -1 : headers.indexOf(header);
    }
}
