package org.deskcrm.service.imports;

import org.deskcrm.model.common.AppException;
import org.deskcrm.model.io.ImportSettings;
import org.deskcrm.model.io.ImportTable;

import java.util.List;
import java.util.Locale;

/**
 * Turns a file's bytes into a table: a workbook when the bytes are a zip package (.xlsx) or an OLE2
 * document (.xls), a CSV file otherwise. A file named .xlsx/.xls that is neither is rejected as a
 * damaged workbook rather than read as text.
 */
public final class SourceReader {
    /** The most data rows one file may hold. */
    public static final int MAX_ROWS = 1_000_000;
    /** The largest file read (bytes). */
    public static final long MAX_BYTES = 512L * 1024 * 1024;

    private final int maxRows;

    public SourceReader() {
        this(MAX_ROWS);
    }

    SourceReader(int maxRows) {
        this.maxRows = maxRows;
    }

    public ImportTable read(byte[] bytes, String fileName, ImportSettings settings) {
        return read(bytes, fileName, settings, org.deskcrm.service.common.Progress.NONE);
    }

    /** The same, reporting progress (rows read) and stopping on Cancel while a workbook is read. */
    public ImportTable read(byte[] bytes, String fileName, ImportSettings settings,
                            org.deskcrm.service.common.Progress progress) {
        if (bytes.length == 0) {
            throw new AppException("imports.error.empty");
        }
        if (isWorkbook(bytes, fileName)) {
            return XlsxSource.read(bytes, settings.sheet(), maxRows, progress);
        }
        return CsvSource.read(bytes, settings.encoding(), settings.delimiter(), maxRows);
    }

    /** The sheets of a workbook, or an empty list for a CSV file. */
    public List<String> sheets(byte[] bytes, String fileName) {
        return bytes.length > 0 && isWorkbook(bytes, fileName) ? XlsxSource.sheetNames(bytes) : List.of();
    }

    public static boolean isWorkbook(byte[] bytes, String fileName) {
        String name = fileName == null ? "" : fileName.toLowerCase(Locale.ROOT);
        boolean zip = bytes.length >= 4 && bytes[0] == 'P' && bytes[1] == 'K' && bytes[2] == 3 && bytes[3] == 4;
        boolean ole = bytes.length >= 8 && (bytes[0] & 0xff) == 0xD0 && (bytes[1] & 0xff) == 0xCF
                && (bytes[2] & 0xff) == 0x11 && (bytes[3] & 0xff) == 0xE0;
        return zip || ole || name.endsWith(".xlsx") || name.endsWith(".xls");
    }
}
