package org.deskcrm.service.report;

import org.deskcrm.model.report.ReportTable;

import java.io.IOException;
import java.nio.file.Path;

/** Writes a computed report to a .csv or .xlsx file: plainly ({@link ReportExport}) or as an audited, rights-checked export. */
@FunctionalInterface
public interface ReportFileWriter {
    void write(ReportTable table, Path file) throws IOException;
}
