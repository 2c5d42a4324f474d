package org.deskcrm.ui.common;

import org.deskcrm.model.report.ColumnType;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.util.Locale;

/**
 * The one way figures are written on screen, per locale: whole counts with grouping, money with two
 * decimals and grouping, other numbers with up to two decimals, ratios as percentages with one
 * decimal (1 234 567,89 and 45,5 % in Russian; 1,234,567.89 and 45.5% in English). Reports, the home
 * dashboard and summaries all go through it. Given the business currency, money carries it as the
 * locale writes it (1 234 567,89 ₽ in Russian, $1,234,567.89 in English; ADR 0017).
 */
public final class FigureFormat {
    private final NumberFormat money;
    private final NumberFormat count;
    private final NumberFormat number;
    private final NumberFormat percent;
    private final NumberFormat points;

    /** Money without a currency sign (no business currency known). */
    public FigureFormat(Locale locale) {
        this(locale, null);
    }

    /** Money in the business currency ({@code null}: without a currency sign). */
    public FigureFormat(Locale locale, java.util.Currency currency) {
        if (currency == null) {
            money = NumberFormat.getNumberInstance(locale);
        } else {
            money = NumberFormat.getCurrencyInstance(locale);
            money.setCurrency(currency);
        }
        money.setMinimumFractionDigits(2);
        money.setMaximumFractionDigits(2);
        count = NumberFormat.getIntegerInstance(locale);
        number = NumberFormat.getNumberInstance(locale);
        number.setMaximumFractionDigits(2);
        percent = NumberFormat.getPercentInstance(locale);
        percent.setMinimumFractionDigits(1);
        percent.setMaximumFractionDigits(1);
        points = NumberFormat.getNumberInstance(locale);
        points.setMinimumFractionDigits(1);
        points.setMaximumFractionDigits(1);
    }

    /**
     * A difference of two ratios as the number of percentage points, with the percentages' one decimal (0.065 →
     * "6.5", "6,5" in Russian); the unit is the caller's text.
     */
    public String points(BigDecimal ratioDifference) {
        return points.format(ratioDifference.movePointRight(2));
    }

    /** A copy of the number format of a type (money, count, ratio, else a decimal), e.g. for a chart's axis. */
    public NumberFormat numberFormat(ColumnType type) {
        NumberFormat f = switch (type) {
            case MONEY -> money;
            case COUNT -> count;
            case RATIO -> percent;
            default -> number;
        };
        return (NumberFormat) f.clone();
    }

    /** The text of a value of that type; empty for null. */
    public String text(Object v, ColumnType type) {
        if (v == null) {
            return "";
        }
        return switch (type) {
            case MONEY -> money.format(v instanceof BigDecimal b ? b : new BigDecimal(v.toString()));
            case COUNT -> count.format(((Number) v).longValue());
            case NUMBER -> number.format(v);
            case RATIO -> percent.format(v);
            default -> v.toString();
        };
    }
}
