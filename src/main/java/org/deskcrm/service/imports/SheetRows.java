package org.deskcrm.service.imports;

import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.deskcrm.model.common.AppException;
import org.deskcrm.model.io.ImportRow;
import org.deskcrm.model.io.ImportTable;
import org.deskcrm.service.common.Progress;
import org.xml.sax.Attributes;
import org.xml.sax.helpers.DefaultHandler;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The rows of one worksheet's XML, read as SAX events. Each cell becomes text: a shared or inline string as
 * it is, a number in plain notation, a date-formatted number as an ISO date (or a date-time when it carries
 * a time), a boolean as true/false. A formula cell (and an error cell) is not imported, not even its cached
 * value: it is marked and the preview reports it ("a formula, not a value"), because a cached value may be
 * stale and a formula injected into a file must never pass silently. The header row is the first non-blank
 * row; blank rows are skipped; a row's cells run to its last cell element. Repeated texts (names, stages)
 * are kept once.
 */
final class SheetRows extends DefaultHandler {
    /** How often (rows) progress is reported and Cancel checked. */
    static final int STEP = 10_000;
    /** How many distinct texts of one column are kept to be shared. */
    static final int CACHED = 4_096;

    /** Ends the parse with a user-facing reason (too many rows, cancelled). */
    static final class Stop extends RuntimeException {
        private final AppException reason;

        Stop(AppException reason) {
            super(reason.getMessage(), null, false, false);
            this.reason = reason;
        }

        AppException reason() {
            return reason;
        }
    }

    private final ReadOnlySharedStringsTable strings;
    private final StylesTable styles;
    private final boolean date1904;
    private final int maxRows;
    private final Progress progress;
    private final Map<Integer, Boolean> dateStyles = new HashMap<>();
    private final List<Map<String, String>> seen = new ArrayList<>();
    private final List<ImportRow> rows = new ArrayList<>();
    private List<String> headers;
    private long totalRows = -1;
    private int firstRow = -1;
    private int rowNumber;
    private int rowsSeen;
    private final List<String> cells = new ArrayList<>();
    private Set<Integer> formulas;
    private int column;
    private String type;
    private int style;
    private boolean formula;
    private boolean inValue;
    private boolean inInline;
    private final StringBuilder value = new StringBuilder();
    private final StringBuilder formulaText = new StringBuilder();
    private boolean inFormula;

    SheetRows(ReadOnlySharedStringsTable strings, StylesTable styles, boolean date1904, int maxRows, Progress progress) {
        this.strings = strings;
        this.styles = styles;
        this.date1904 = date1904;
        this.maxRows = maxRows;
        this.progress = progress;
    }

    @Override
    public void startElement(String uri, String localName, String qName, Attributes a) {
        switch (localName) {
            case "dimension" -> totalRows = dimensionRows(a.getValue("ref"));
            case "row" -> startRow(a.getValue("r"));
            case "c" -> {
                String ref = a.getValue("r");
                column = ref == null ? cells.size() : new CellReference(ref).getCol();
                type = a.getValue("t");
                String s = a.getValue("s");
                style = s == null ? 0 : Integer.parseInt(s);
                formula = false;
                value.setLength(0);
                formulaText.setLength(0);
            }
            case "v" -> inValue = true;
            case "f" -> {
                formula = true;
                inFormula = true;
            }
            case "t" -> inInline = "inlineStr".equals(type);
            default -> {
                // other elements carry nothing a cell's text needs
            }
        }
    }

    @Override
    public void characters(char[] ch, int start, int length) {
        if (inValue || inInline) {
            value.append(ch, start, length);
        } else if (inFormula) {
            formulaText.append(ch, start, length);
        }
    }

    @Override
    public void endElement(String uri, String localName, String qName) {
        switch (localName) {
            case "v" -> inValue = false;
            case "t" -> inInline = false;
            case "f" -> inFormula = false;
            case "c" -> endCell();
            case "row" -> endRow();
            default -> {
                // nothing to finish
            }
        }
    }

    private void startRow(String r) {
        rowNumber = r == null ? rowNumber + 1 : Integer.parseInt(r);
        if (firstRow < 0) {
            firstRow = rowNumber;
        }
        if (rowNumber - firstRow > maxRows) {
            throw new Stop(new AppException("imports.error.tooManyRows", maxRows));
        }
        cells.clear();
        formulas = null;
    }

    private void endCell() {
        while (cells.size() < column) {
            cells.add("");
        }
        String text;
        if (formula || "e".equals(type)) {
            if (formulas == null) {
                formulas = new TreeSet<>();
            }
            formulas.add(column);
            text = formula ? "=" + formulaText : "#ERROR";
        } else {
            text = text();
        }
        if (cells.size() == column) {
            cells.add(text);
        } else {
            cells.set(column, text);
        }
    }

    private String text() {
        String v = value.toString();
        if (type == null || "n".equals(type)) {
            return v.isEmpty() ? "" : number(Double.parseDouble(v));
        }
        return switch (type) {
            case "s" -> v.isEmpty() ? "" : strings.getItemAt(Integer.parseInt(v.strip())).getString();
            case "b" -> String.valueOf("1".equals(v.strip()) || "true".equalsIgnoreCase(v.strip()));
            default -> v; // inlineStr, str
        };
    }

    private String number(double v) {
        if (isDateStyle(style) && DateUtil.isValidExcelDate(v)) {
            LocalDateTime t = DateUtil.getLocalDateTime(v, date1904);
            return t.toLocalTime().equals(LocalTime.MIDNIGHT) ? t.toLocalDate().toString() : t.toString();
        }
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            return String.valueOf(v);
        }
        return BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
    }

    private boolean isDateStyle(int index) {
        return dateStyles.computeIfAbsent(index, i -> {
            if (styles == null || i >= styles.getNumCellStyles()) {
                return false;
            }
            XSSFCellStyle s = styles.getStyleAt(i);
            return s != null && DateUtil.isADateFormat(s.getDataFormat(), s.getDataFormatString());
        });
    }

    private void endRow() {
        boolean any = formulas != null;
        for (String c : cells) {
            any |= !c.isBlank();
        }
        if (any) {
            if (headers == null) {
                headers = Tables.headers(cells);
            } else {
                String[] kept = new String[cells.size()];
                for (int i = 0; i < kept.length; i++) {
                    kept[i] = once(i, cells.get(i));
                }
                rows.add(ImportRow.of(rowNumber, kept, formulas == null ? Set.of() : formulas));
            }
        }
        if (++rowsSeen % STEP == 0) {
            if (progress.isCancelled()) {
                throw new Stop(new AppException("imports.cancelled"));
            }
            progress.update("imports.progress.reading", rowsSeen, totalRows);
        }
    }

    /**
     * The same text once: the short values of a column (owners, stages, dates) share one string each. A
     * column's first {@value #CACHED} distinct values are kept for lookup; a column of mostly unique values
     * (titles, amounts) fills its share and then only finds what it already holds.
     */
    private String once(int column, String s) {
        if (s.isEmpty() || s.length() > 40) {
            return s.isEmpty() ? "" : s;
        }
        while (seen.size() <= column) {
            seen.add(new HashMap<>());
        }
        Map<String, String> m = seen.get(column);
        String had = m.get(s);
        if (had != null) {
            return had;
        }
        if (m.size() < CACHED) {
            m.put(s, s);
        }
        return s;
    }

    ImportTable table() {
        if (headers == null) {
            throw new AppException("imports.error.empty");
        }
        progress.update("imports.progress.reading", rowsSeen, rowsSeen);
        return new ImportTable(headers, rows);
    }

    /** The number of rows a dimension like {@code A1:H1000001} spans, or -1 when it says nothing. */
    private static long dimensionRows(String ref) {
        if (ref == null || !ref.contains(":")) {
            return -1;
        }
        try {
            String[] ends = ref.split(":");
            return new CellReference(ends[1]).getRow() - new CellReference(ends[0]).getRow() + 1L;
        } catch (RuntimeException e) {
            return -1;
        }
    }
}
