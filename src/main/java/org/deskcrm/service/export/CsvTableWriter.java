package org.deskcrm.service.export;

import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * A CSV table meant to open with a double click in the user's Excel: UTF-8 with a byte-order mark
 * (so Excel does not read it as the ANSI code page) and RFC 4180 quoting. For Russian the separator is
 * a semicolon and the decimal separator a comma, dates dd.MM.yyyy (what Russian Excel expects); otherwise
 * a comma, a dot and ISO dates. Only the header and the rows are written: no title, filters or totals,
 * so the file stays a plain table other programs (and the import) can read back. Text that a spreadsheet
 * would run as a formula is escaped ({@link CsvFormulaGuard}).
 */
final class CsvTableWriter implements TableWriter {
    private final Writer out;
    private final char separator;
    private final boolean decimalComma;
    private final DateTimeFormatter date;
    private final DateTimeFormatter dateTime;
    private List<? extends ExportColumn<?>> columns;
    private final StringBuilder line = new StringBuilder(256);

    CsvTableWriter(Path file, Locale locale) throws IOException {
        boolean russian = "ru".equals(locale.getLanguage());
        this.separator = russian ? ';' : ',';
        this.decimalComma = russian;
        this.date = DateTimeFormatter.ofPattern(russian ? "dd.MM.yyyy" : "yyyy-MM-dd");
        this.dateTime = DateTimeFormatter.ofPattern(russian ? "dd.MM.yyyy HH:mm" : "yyyy-MM-dd HH:mm");
        this.out = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
    }

    char separator() {
        return separator;
    }

    @Override
    public void start(String title, List<String[]> filters, List<? extends ExportColumn<?>> cols) throws IOException {
        this.columns = cols;
        out.write('\uFEFF');
        Object[] header = new Object[cols.size()];
        for (int c = 0; c < cols.size(); c++) {
            header[c] = cols.get(c).header();
        }
        line.setLength(0);
        for (int c = 0; c < header.length; c++) {
            if (c > 0) {
                line.append(separator);
            }
            quoted(CsvFormulaGuard.text(header[c].toString()));
        }
        out.write(line.append("\r\n").toString());
    }

    @Override
    public void row(Object[] values) throws IOException {
        line.setLength(0);
        for (int c = 0; c < values.length; c++) {
            if (c > 0) {
                line.append(separator);
            }
            Object v = values[c];
            if (v != null) {
                quoted(text(v, columns.get(c).kind()));
            }
        }
        out.write(line.append("\r\n").toString());
    }

    private String text(Object v, ColumnKind kind) {
        if (kind.numeric() && v instanceof Number n) {
            String s = n instanceof BigDecimal b ? b.toPlainString()
                    : n instanceof Double || n instanceof Float ? BigDecimal.valueOf(n.doubleValue()).toPlainString()
                    : n.toString();
            return decimalComma ? s.replace('.', ',') : s;
        }
        if (v instanceof LocalDate d) {
            return date.format(d);
        }
        if (v instanceof LocalDateTime d) {
            return dateTime.format(d);
        }
        return v instanceof Number ? v.toString() : CsvFormulaGuard.text(v.toString());
    }

    private void quoted(String value) {
        boolean quote = value.indexOf(separator) >= 0 || value.indexOf('"') >= 0 || value.indexOf('\n') >= 0
                || value.indexOf('\r') >= 0;
        if (quote) {
            line.append('"').append(value.replace("\"", "\"\"")).append('"');
        } else {
            line.append(value);
        }
    }

    @Override
    public void finish() throws IOException {
        out.flush();
    }

    @Override
    public void close() throws IOException {
        out.close();
    }
}
