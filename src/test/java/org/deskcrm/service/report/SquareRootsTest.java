package org.deskcrm.service.report;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The client analysis's fast root equals {@code BigDecimal.sqrt(DECIMAL64)} — the value it replaces — for variances as
 * the report forms them (scale 10, from 10⁻¹⁰ to 10²⁴), perfect squares, and roots that lie exactly on or next to a
 * rounding midpoint of the 16th digit, where one Newton step cannot tell the side by itself.
 */
class SquareRootsTest {
    private static void same(BigDecimal v) {
        assertThat(SquareRoots.sqrt16(v)).as("root of %s", v.toPlainString())
                .isEqualByComparingTo(v.sqrt(MathContext.DECIMAL64));
    }

    @Test
    void randomVariancesOfEveryMagnitude() {
        SplittableRandom rnd = new SplittableRandom(7);
        for (int i = 0; i < 200_000; i++) {
            int digits = rnd.nextInt(1, 35);
            StringBuilder sb = new StringBuilder();
            sb.append(rnd.nextInt(1, 10));
            for (int d = 1; d < digits; d++) {
                sb.append(rnd.nextInt(10));
            }
            same(new BigDecimal(new java.math.BigInteger(sb.toString()), 10));
        }
    }

    @Test
    void perfectSquaresAndMidpoints() {
        SplittableRandom rnd = new SplittableRandom(11);
        for (int i = 0; i < 20_000; i++) {
            // a 17-digit root ending in 5 is a midpoint of the 16-digit rounding; its square, and one unit either side
            BigDecimal root = new BigDecimal(new java.math.BigInteger(Long.toString(rnd.nextLong(1_000_000_000_000_000L,
                    9_999_999_999_999_999L)) + "5"), rnd.nextInt(0, 12));
            BigDecimal square = root.multiply(root);
            same(square);
            BigDecimal ulp = BigDecimal.ONE.movePointLeft(square.scale());
            same(square.add(ulp));
            same(square.subtract(ulp));
            BigDecimal exact = new BigDecimal(rnd.nextLong(1, 1_000_000_000L)).movePointLeft(5);
            same(exact.multiply(exact).setScale(10, RoundingMode.UNNECESSARY));
        }
    }

    @Test
    void zeroAndNegative() {
        assertThat(SquareRoots.sqrt16(BigDecimal.ZERO.setScale(10))).isEqualByComparingTo(BigDecimal.ZERO);
        assertThatThrownBy(() -> SquareRoots.sqrt16(new BigDecimal("-1"))).isInstanceOf(ArithmeticException.class);
    }
}
