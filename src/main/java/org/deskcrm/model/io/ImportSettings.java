package org.deskcrm.model.io;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * Everything a profile remembers: which column of the file feeds which field, how names that match
 * nothing are mapped (per kind: the file's name as {@link RefKind#key} → a known name), what a duplicate
 * does, and how the file is read (CSV encoding and separator, the sheet of a workbook, empty = first);
 * the number and date formats of the file (AUTO: detected from all its values) and whether names that
 * match nothing create the record where the target allows it ({@code createMissing}: lost reasons).
 */
public record ImportSettings(Map<String, String> columns, Map<RefKind, Map<String, String>> values,
                             DuplicateMode duplicates, CsvEncoding encoding, CsvDelimiter delimiter, String sheet,
                             NumberStyle numberStyle, DateStyle dateStyle, boolean createMissing) {
    public ImportSettings(Map<String, String> columns, Map<RefKind, Map<String, String>> values,
                          DuplicateMode duplicates, CsvEncoding encoding, CsvDelimiter delimiter, String sheet) {
        this(columns, values, duplicates, encoding, delimiter, sheet, NumberStyle.AUTO, DateStyle.AUTO, false);
    }

    public ImportSettings {
        columns = Map.copyOf(columns);
        Map<RefKind, Map<String, String>> copy = new TreeMap<>();
        values.forEach((k, v) -> {
            if (!v.isEmpty()) {
                copy.put(k, Map.copyOf(v));
            }
        });
        values = Map.copyOf(copy);
        duplicates = duplicates == null ? DuplicateMode.SKIP : duplicates;
        encoding = encoding == null ? CsvEncoding.AUTO : encoding;
        delimiter = delimiter == null ? CsvDelimiter.AUTO : delimiter;
        sheet = sheet == null ? "" : sheet.strip();
        numberStyle = numberStyle == null ? NumberStyle.AUTO : numberStyle;
        dateStyle = dateStyle == null ? DateStyle.AUTO : dateStyle;
    }

    public static ImportSettings defaults() {
        return new ImportSettings(Map.of(), Map.of(), DuplicateMode.SKIP, CsvEncoding.AUTO, CsvDelimiter.AUTO, "");
    }

    /** The column header mapped to a field, or null when the field is not imported. */
    public String column(String field) {
        return columns.get(field);
    }

    /** The known name a file's name is mapped to, or null. */
    public String mapped(RefKind kind, String fileName) {
        Map<String, String> m = values.get(kind);
        return m == null ? null : m.get(RefKind.key(fileName));
    }

    public ImportSettings withColumns(Map<String, String> newColumns) {
        return new ImportSettings(newColumns, values, duplicates, encoding, delimiter, sheet, numberStyle, dateStyle,
                createMissing);
    }

    /** These settings with one more value mapping (an empty target removes it). */
    public ImportSettings withValue(RefKind kind, String fileName, String knownName) {
        Map<RefKind, Map<String, String>> all = new LinkedHashMap<>(values);
        Map<String, String> m = new LinkedHashMap<>(all.getOrDefault(kind, Map.of()));
        if (knownName == null || knownName.isBlank()) {
            m.remove(RefKind.key(fileName));
        } else {
            m.put(RefKind.key(fileName), knownName.strip());
        }
        all.put(kind, m);
        return new ImportSettings(columns, all, duplicates, encoding, delimiter, sheet, numberStyle, dateStyle,
                createMissing);
    }

    public ImportSettings withDuplicates(DuplicateMode mode) {
        return new ImportSettings(columns, values, mode, encoding, delimiter, sheet, numberStyle, dateStyle,
                createMissing);
    }

    public ImportSettings withReading(CsvEncoding newEncoding, CsvDelimiter newDelimiter, String newSheet) {
        return new ImportSettings(columns, values, duplicates, newEncoding, newDelimiter, newSheet, numberStyle,
                dateStyle, createMissing);
    }

    /** These settings with the file's number and date formats given (AUTO: detected). */
    public ImportSettings withFormats(NumberStyle numbers, DateStyle dates) {
        return new ImportSettings(columns, values, duplicates, encoding, delimiter, sheet, numbers, dates, createMissing);
    }

    /** These settings creating (or not) the records that names matching nothing stand for. */
    public ImportSettings withCreateMissing(boolean create) {
        return new ImportSettings(columns, values, duplicates, encoding, delimiter, sheet, numberStyle, dateStyle, create);
    }
}
