package org.deskcrm.service.settings;

import org.deskcrm.AppContext;
import org.deskcrm.model.common.AppException;
import org.deskcrm.persistence.TestDatabases;
import org.junit.jupiter.api.Test;

import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The business currency on real H2: follows the business region until chosen, then stays as chosen. */
class H2BusinessCurrencyTest {
    @Test
    void followsTheRegionUntilChosenAndIsKeptInTheSettings() {
        try (AppContext ctx = new AppContext(TestDatabases.h2())) {
            ctx.referenceData().ensureDefaults(Locale.ENGLISH);
            ctx.businessRegion().change("US");
            assertThat(ctx.currency().currency().getCurrencyCode()).isEqualTo("USD");
            assertThat(ctx.currency().isChosen()).isFalse();
            ctx.businessRegion().change("RU");
            assertThat(ctx.currency().currency().getCurrencyCode()).isEqualTo("RUB");
            ctx.currency().change("eur");
            ctx.businessRegion().change("US");
            assertThat(ctx.currency().currency().getCurrencyCode()).as("chosen: no longer the region's").isEqualTo("EUR");
            assertThat(ctx.settings().get(BusinessCurrency.SETTING)).contains("EUR");
            assertThat(new BusinessCurrency(ctx.settings(), ctx.phones()).currency().getCurrencyCode()).isEqualTo("EUR");
            assertThat(BusinessCurrency.read(ctx.settings()).getCurrencyCode()).isEqualTo("EUR");
            assertThatThrownBy(() -> ctx.currency().change("XYZ1")).isInstanceOf(AppException.class);
            assertThat(ctx.currency().currency().getCurrencyCode()).isEqualTo("EUR");
        }
    }
}
