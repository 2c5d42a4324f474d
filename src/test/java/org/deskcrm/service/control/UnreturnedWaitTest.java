package org.deskcrm.service.control;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** The control list's "not returned for …" reads in minutes under an hour, in hours up to 48 hours and in whole days beyond. */
class UnreturnedWaitTest {
    private static final Instant NOW = Instant.parse("2026-03-10T09:30:00Z");

    @Test
    void longWaitsReadInDays() {
        Instant m40 = NOW.minusSeconds(40 * 60 + 59);
        assertThat(ControlService.unreturnedKey(m40, NOW)).isEqualTo("control.reason.unreturnedMinutes");
        assertThat(ControlService.unreturnedFor(m40, NOW)).isEqualTo(40);
        Instant h1 = NOW.minusSeconds(3600);
        assertThat(ControlService.unreturnedKey(h1, NOW)).isEqualTo("control.reason.unreturned");
        assertThat(ControlService.unreturnedFor(h1, NOW)).isEqualTo(1);
        Instant h5 = NOW.minusSeconds(5 * 3600 + 59 * 60);
        assertThat(ControlService.unreturnedKey(h5, NOW)).isEqualTo("control.reason.unreturned");
        assertThat(ControlService.unreturnedFor(h5, NOW)).isEqualTo(5);
        Instant h48 = NOW.minusSeconds(48 * 3600 + 30 * 60);
        assertThat(ControlService.unreturnedKey(h48, NOW)).isEqualTo("control.reason.unreturned");
        assertThat(ControlService.unreturnedFor(h48, NOW)).isEqualTo(48);
        Instant long_ = NOW.minusSeconds(21_367L * 3600);
        assertThat(ControlService.unreturnedKey(long_, NOW)).isEqualTo("control.reason.unreturnedDays");
        assertThat(ControlService.unreturnedFor(long_, NOW)).isEqualTo(890); // 21,367 / 24 = 890.3
    }
}
