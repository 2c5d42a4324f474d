package org.deskcrm.service.export;

import java.util.Objects;
import java.util.function.Function;

/**
 * One column of an exported list: its header (already in the user's language), its kind, how to read
 * the value from a row, and whether the totals row sums it (a live SUM formula in .xlsx). Values are
 * {@link Number}s for numeric kinds, {@link java.time.LocalDate} for dates, {@link java.time.LocalDateTime}
 * for date-times, anything else is written as its text.
 */
public record ExportColumn<T>(String header, ColumnKind kind, Function<? super T, ?> value, boolean total) {
    public ExportColumn {
        Objects.requireNonNull(header);
        Objects.requireNonNull(kind);
        Objects.requireNonNull(value);
        if (total && !kind.numeric()) {
            throw new IllegalArgumentException("only numeric columns have totals: " + header);
        }
    }

    public static <T> ExportColumn<T> text(String header, Function<? super T, ?> value) {
        return new ExportColumn<>(header, ColumnKind.TEXT, value, false);
    }

    public static <T> ExportColumn<T> of(String header, ColumnKind kind, Function<? super T, ?> value) {
        return new ExportColumn<>(header, kind, value, false);
    }

    public static <T> ExportColumn<T> summed(String header, ColumnKind kind, Function<? super T, ?> value) {
        return new ExportColumn<>(header, kind, value, true);
    }
}
