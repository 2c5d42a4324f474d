package org.deskcrm.ui.report;

import org.deskcrm.model.report.ColumnType;
import org.deskcrm.ui.common.FigureFormat;

import java.util.Locale;

/** Display text of report cells by column type, in the user's locale (the window's one {@link FigureFormat}). */
final class ReportCells {
    private final FigureFormat format;

    ReportCells(Locale locale) {
        format = new FigureFormat(locale);
    }

    String text(Object v, ColumnType type) {
        return format.text(v, type);
    }
}
