package org.deskcrm.ui.report;

import org.deskcrm.model.report.ColumnType;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.util.Locale;

/** Display text of report cells by column type, in the user's locale. */
final class ReportCells {
    private final NumberFormat money;
    private final NumberFormat count;
    private final NumberFormat number;
    private final NumberFormat percent;

    ReportCells(Locale locale) {
        money = NumberFormat.getNumberInstance(locale);
        money.setMinimumFractionDigits(2);
        money.setMaximumFractionDigits(2);
        count = NumberFormat.getIntegerInstance(locale);
        number = NumberFormat.getNumberInstance(locale);
        number.setMaximumFractionDigits(2);
        percent = NumberFormat.getPercentInstance(locale);
        percent.setMinimumFractionDigits(1);
        percent.setMaximumFractionDigits(1);
    }

    String text(Object v, ColumnType type) {
        if (v == null) {
            return "";
        }
        return switch (type) {
            case MONEY -> money.format((BigDecimal) v);
            case COUNT -> count.format(((Number) v).longValue());
            case NUMBER -> number.format(v);
            case RATIO -> percent.format(v);
            default -> v.toString();
        };
    }
}
