package org.deskcrm.service.export;

import java.io.IOException;
import java.util.List;

/**
 * Writes one exported table to one file, row by row: {@link #start}, any number of {@link #row}s,
 * {@link #finish} (which completes the file). {@link #close} releases temporary resources and may be
 * called after a failure or cancellation, when the file is incomplete and will be thrown away.
 */
interface TableWriter extends AutoCloseable {
    void start(String title, List<String[]> filters, List<? extends ExportColumn<?>> columns) throws IOException;

    void row(Object[] values) throws IOException;

    void finish() throws IOException;

    @Override
    void close() throws IOException;
}
