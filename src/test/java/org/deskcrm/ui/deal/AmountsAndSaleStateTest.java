package org.deskcrm.ui.deal;

import org.deskcrm.model.deal.Sale;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Amounts typed in Russian or English style, and the payment state shown for a sale. */
class AmountsAndSaleStateTest {
    static final LocalDate TODAY = LocalDate.of(2026, 3, 10);

    @Test
    void amountsParseInEitherStyle() {
        assertThat(Amounts.parse("1 500,50")).isEqualByComparingTo("1500.50");
        assertThat(Amounts.parse("1\u00a0500,50")).isEqualByComparingTo("1500.50");
        assertThat(Amounts.parse("1,500.50")).isEqualByComparingTo("1500.50");
        assertThat(Amounts.parse("1.500,50")).isEqualByComparingTo("1500.50");
        assertThat(Amounts.parse("42")).isEqualByComparingTo("42");
        assertThat(Amounts.parse("  ")).isNull();
        assertThatThrownBy(() -> Amounts.parse("12abc")).isInstanceOf(NumberFormatException.class);
    }

    static Sale sale(String amount, String paid, LocalDate due) {
        return new Sale(1L, 1, null, null, null, TODAY.minusDays(20), new BigDecimal(amount), due,
                new BigDecimal(paid), 0);
    }

    @Test
    void paymentState() {
        assertThat(ClientSalesViewModel.state(sale("100", "100", TODAY.minusDays(1)), TODAY))
                .isEqualTo(ClientSalesViewModel.State.PAID);
        assertThat(ClientSalesViewModel.state(sale("100", "0", null), TODAY))
                .isEqualTo(ClientSalesViewModel.State.UNPAID);
        assertThat(ClientSalesViewModel.state(sale("100", "40", TODAY), TODAY))
                .as("due today is not overdue yet").isEqualTo(ClientSalesViewModel.State.PART_PAID);
        assertThat(ClientSalesViewModel.state(sale("100", "40", TODAY.minusDays(1)), TODAY))
                .isEqualTo(ClientSalesViewModel.State.OVERDUE);
        assertThat(ClientSalesViewModel.state(sale("0", "0", null), TODAY))
                .isEqualTo(ClientSalesViewModel.State.PAID);
    }
}
