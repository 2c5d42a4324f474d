package org.deskcrm.service.imports;

import org.deskcrm.model.io.CellIssue;
import org.deskcrm.model.io.ImportField;
import org.deskcrm.model.io.ImportRow;
import org.deskcrm.model.io.ImportTarget;
import org.deskcrm.model.io.RefKind;
import org.deskcrm.service.client.PhoneNormalizer;
import org.deskcrm.service.client.Requisites;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

/**
 * Typed access to the mapped cells of one row. Each getter checks its cell against the field (length,
 * type, reference) and, when the cell is unusable, adds an issue naming the row, the column and why,
 * and returns null; {@link #ok()} tells whether the row produced no issue.
 */
final class RowCells {
    private static final BigDecimal MAX_AMOUNT = new BigDecimal("9999999999999999.99");
    private static final BigDecimal MAX_INTEGER = BigDecimal.valueOf(999_999_999);
    private final ImportTarget target;
    private final Map<String, Integer> columns;
    private final List<String> headers;
    private final References refs;
    private final PhoneNormalizer phones;
    private final ZoneId zone;
    private final List<CellIssue> issues;
    private final CellFormats formats;
    private ImportRow row;
    private Map<String, java.util.Optional<String>> phoneForms = Map.of();
    private int issuesBefore;

    RowCells(ImportTarget target, Map<String, Integer> columns, List<String> headers, References refs,
             PhoneNormalizer phones, ZoneId zone, List<CellIssue> issues, CellFormats formats) {
        this.target = target;
        this.columns = columns;
        this.headers = headers;
        this.refs = refs;
        this.phones = phones;
        this.zone = zone;
        this.issues = issues;
        this.formats = formats;
    }

    /**
     * Normalizes every distinct phone of the rows' phone columns ahead, on all cores (parsing a number is most of
     * a clients or calls row's reading), for {@link #phone} to look up.
     */
    void normalizePhonesOf(List<ImportRow> rows) {
        List<Integer> phoneColumns = columns.entrySet().stream()
                .filter(e -> target.field(e.getKey()).type() == ImportField.Type.PHONE).map(Map.Entry::getValue).toList();
        if (phoneColumns.isEmpty()) {
            return;
        }
        java.util.Set<String> values = new java.util.HashSet<>();
        for (ImportRow r : rows) {
            for (int c : phoneColumns) {
                String v = r.cell(c).strip();
                if (!v.isEmpty()) {
                    values.add(v);
                }
            }
        }
        phoneForms = values.parallelStream().collect(java.util.stream.Collectors.toUnmodifiableMap(v -> v, phones::normalize));
    }

    void start(ImportRow r) {
        this.row = r;
        this.issuesBefore = issues.size();
    }

    int rowNumber() {
        return row.number();
    }

    boolean ok() {
        return issues.size() == issuesBefore;
    }

    void rowIssue(String key, Object... args) {
        issues.add(CellIssue.of(row.number(), "", key, args));
    }

    void issue(String field, String key, Object... args) {
        Integer c = columns.get(field);
        issues.add(CellIssue.of(row.number(), c == null ? "" : headers.get(c), key, args));
    }

    /** An issue of an earlier row (found after all rows were read), at a field's column. */
    void issueAt(int rowNumber, String field, String key, Object... args) {
        Integer c = columns.get(field);
        issues.add(CellIssue.of(rowNumber, c == null ? "" : headers.get(c), key, args));
    }

    /** The header of a field's column ("" when not mapped). */
    String header(String field) {
        Integer c = columns.get(field);
        return c == null ? "" : headers.get(c);
    }

    /** The trimmed text of a field's cell, null when empty or not mapped; checks required, formula, length. */
    String text(String field) {
        ImportField f = target.field(field);
        Integer c = columns.get(field);
        if (c == null) {
            if (f.required()) {
                issue(field, "imports.issue.required");
            }
            return null;
        }
        if (row.formulaColumns().contains(c)) {
            issue(field, "imports.issue.formula");
            return null;
        }
        String v = row.cell(c).strip();
        if (v.isEmpty()) {
            if (f.required()) {
                issue(field, "imports.issue.required");
            }
            return null;
        }
        if (v.length() > f.maxLength()) {
            issue(field, "imports.issue.tooLong", f.maxLength(), v.length());
            return null;
        }
        return v;
    }

    Integer integer(String field) {
        String v = text(field);
        if (v == null) {
            return null;
        }
        CellFormats.Read<BigDecimal> r = formats.number(v, 0);
        if (!r.ok() || r.value().compareTo(MAX_INTEGER) > 0) {
            issue(field, r.ok() ? "imports.issue.integer" : r.problem(), v);
            return null;
        }
        return r.value().intValueExact();
    }

    /** A non-negative money amount (two decimals at most: more would need rounding, an error). */
    BigDecimal amount(String field) {
        String v = text(field);
        if (v == null) {
            return null;
        }
        CellFormats.Read<BigDecimal> r = formats.number(v, 2);
        if (!r.ok() || r.value().compareTo(MAX_AMOUNT) > 0) {
            issue(field, r.ok() ? "imports.issue.number" : r.problem(), v);
            return null;
        }
        return r.value();
    }

    LocalDate date(String field) {
        CellFormats.Stamp s = stamp(field);
        return s == null ? null : s.at().toLocalDate();
    }

    /** A date or a date-time under the file's date format (null when empty or unreadable: an issue then). */
    CellFormats.Stamp stamp(String field) {
        String v = text(field);
        if (v == null) {
            return null;
        }
        CellFormats.Read<CellFormats.Stamp> r = formats.stamp(v);
        if (!r.ok()) {
            issue(field, r.problem(), v);
            return null;
        }
        return r.value();
    }

    /** A date-time read in the business time zone (a date alone is its start). */
    Instant instant(String field) {
        CellFormats.Stamp s = stamp(field);
        return s == null ? null : s.at().atZone(zone).toInstant();
    }

    /** An instant as the file would write it: date and time in the business time zone. */
    String formatted(Instant at) {
        return at.atZone(zone).toLocalDateTime().toString().replace('T', ' ');
    }

    ZoneId zone() {
        return zone;
    }

    Boolean bool(String field) {
        String v = text(field);
        if (v == null) {
            return null;
        }
        Boolean b = Values.bool(v);
        if (b == null) {
            issue(field, "imports.issue.boolean", v);
        }
        return b;
    }

    String inn(String field) {
        String v = text(field);
        if (v != null && !Requisites.isValidInn(v)) {
            issue(field, "imports.issue.inn", v);
            return null;
        }
        return v;
    }

    String kpp(String field) {
        String v = text(field);
        if (v != null && !Requisites.isValidKpp(v)) {
            issue(field, "imports.issue.kpp", v);
            return null;
        }
        return v;
    }

    /** The phone as written; its E.164 form is {@link #phoneNorm}. */
    String phone(String field) {
        String v = text(field);
        if (v == null) {
            return null;
        }
        String norm = phoneForm(v);
        if (norm == null) {
            issue(field, "imports.issue.phone", v);
            return null;
        }
        return v;
    }

    /** The E.164 form of a phone this row's {@link #phone} accepted (found among the forms normalized ahead). */
    String phoneNorm(String raw) {
        return raw == null ? null : phoneForm(raw);
    }

    private String phoneForm(String raw) {
        java.util.Optional<String> known = phoneForms.get(raw);
        return (known != null ? known : phones.normalize(raw)).orElse(null);
    }

    String email(String field) {
        String v = text(field);
        if (v != null && !Values.email(v)) {
            issue(field, "imports.issue.email", v);
            return null;
        }
        return v;
    }

    String website(String field) {
        String v = text(field);
        if (v != null && !Values.website(v)) {
            issue(field, "imports.issue.website", v);
            return null;
        }
        return v;
    }

    /** A reference's id (or a fixed word's code through {@link #code}); null when empty or unknown. */
    Long ref(String field, Long pipelineId) {
        References.Found f = find(field, pipelineId);
        return f == null ? null : f.id();
    }

    String code(String field) {
        References.Found f = find(field, null);
        return f == null ? null : f.code();
    }

    private References.Found find(String field, Long pipelineId) {
        String v = text(field);
        if (v == null) {
            return null;
        }
        RefKind kind = target.field(field).ref();
        References.Found f = refs.find(kind, v, pipelineId);
        if (!f.ok()) {
            issue(field, f.problem() + "." + kind.name().toLowerCase(java.util.Locale.ROOT), v,
                    f.detail() == null ? "" : f.detail());
            return null;
        }
        return f;
    }

    /** Whether the field is mapped and its cell holds something. */
    boolean hasText(String field) {
        Integer c = columns.get(field);
        return c != null && !row.cell(c).isBlank();
    }

    boolean mapped(String field) {
        return columns.containsKey(field);
    }
}
