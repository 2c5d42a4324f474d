package org.deskcrm.service.report;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Shares and averages with one rounding rule; undefined (null) when the denominator is zero. */
final class Ratios {
    private Ratios() {
    }

    static BigDecimal ratio(BigDecimal num, BigDecimal den) {
        if (num == null || den == null || den.signum() == 0) {
            return null;
        }
        return num.divide(den, 4, RoundingMode.HALF_UP);
    }

    static BigDecimal ratio(long num, long den) {
        return ratio(BigDecimal.valueOf(num), BigDecimal.valueOf(den));
    }

    /** Money divided by a count or another amount, to kopecks. */
    static BigDecimal money(BigDecimal num, BigDecimal den) {
        if (num == null || den == null || den.signum() == 0) {
            return null;
        }
        return num.divide(den, 2, RoundingMode.HALF_UP);
    }

    static BigDecimal money(BigDecimal num, long den) {
        return money(num, BigDecimal.valueOf(den));
    }

    static BigDecimal money(BigDecimal v) {
        return v == null ? null : v.setScale(2, RoundingMode.HALF_UP);
    }
}
