package org.deskcrm.ui.call;

import org.deskcrm.ui.common.I18n;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/** A missed call's deadline reads in minutes under an hour, hours up to 48 hours, and days beyond. */
class WaitSpanTest {
    private final I18n en = new I18n(Locale.ENGLISH);
    private final I18n ru = new I18n(Locale.forLanguageTag("ru"));

    @Test
    void theUnitFollowsTheLength() {
        assertThat(MissedCallsViewModel.span(Duration.ofSeconds(20), en)).isEqualTo("1 min");
        assertThat(MissedCallsViewModel.span(Duration.ofMinutes(59), en)).isEqualTo("59 min");
        assertThat(MissedCallsViewModel.span(Duration.ofMinutes(60), en)).isEqualTo("1 h");
        assertThat(MissedCallsViewModel.span(Duration.ofHours(48).plusMinutes(59), en)).isEqualTo("48 h");
        assertThat(MissedCallsViewModel.span(Duration.ofHours(49), en)).isEqualTo("2 days");
        // 21,367 hours, as the control list once said, is 890 days
        assertThat(MissedCallsViewModel.span(Duration.ofHours(21_367), en)).isEqualTo("890 days");
        assertThat(MissedCallsViewModel.span(Duration.ofHours(21_367), ru)).isEqualTo("890 дн.");
        assertThat(MissedCallsViewModel.span(Duration.ofMinutes(25), ru)).isEqualTo("25 мин");
    }
}
