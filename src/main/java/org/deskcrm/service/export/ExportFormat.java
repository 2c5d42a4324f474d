package org.deskcrm.service.export;

import org.deskcrm.model.common.AppException;

import java.nio.file.Path;
import java.util.Locale;

/** The file formats an export writes, chosen by the file's extension. */
public enum ExportFormat {
    XLSX, CSV;

    public String extension() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The format of a file name ending in .xlsx or .csv (any case); else a localized error. */
    public static ExportFormat of(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".xlsx")) {
            return XLSX;
        }
        if (name.endsWith(".csv")) {
            return CSV;
        }
        throw new AppException("export.error.format", file.getFileName().toString());
    }
}
