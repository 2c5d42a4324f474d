package org.deskcrm.ui.report;

import org.deskcrm.model.report.ColumnType;
import org.deskcrm.ui.common.FigureFormat;

import java.util.Locale;

/** Display text of report cells by column type, in the user's locale (the window's one {@link FigureFormat}). */
final class ReportCells {
    private final FigureFormat format;

    ReportCells(Locale locale) {
        this(locale, null);
    }

    /** Money in the business currency ({@code null}: without a currency sign). */
    ReportCells(Locale locale, java.util.Currency currency) {
        format = new FigureFormat(locale, currency);
    }

    /** The number format of a type (e.g. for a chart's axis), the same the cells use. */
    java.text.NumberFormat numberFormat(ColumnType type) {
        return format.numberFormat(type);
    }

    String text(Object v, ColumnType type) {
        return format.text(v, type);
    }
}
