package org.deskcrm.service.user;

import org.deskcrm.service.MutableClock;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class LoginThrottleTest {
    @Test
    void fiveFailuresAreFreeThenTheWaitDoublesUpToFifteenMinutes() {
        MutableClock clock = new MutableClock(Instant.parse("2026-03-10T09:00:00Z"));
        LoginThrottle t = new LoginThrottle(clock);
        for (int i = 0; i < LoginThrottle.FREE_ATTEMPTS - 1; i++) {
            t.failed("anna");
            assertThat(t.waitFor("anna")).isZero();
        }
        t.failed("Anna "); // the same login however typed
        assertThat(t.waitFor("anna")).isEqualTo(Duration.ofSeconds(30));
        assertThat(t.waitFor("boris")).isZero();
        clock.advance(Duration.ofSeconds(30));
        assertThat(t.waitFor("anna")).isZero();
        t.failed("anna");
        assertThat(t.waitFor("anna")).isEqualTo(Duration.ofSeconds(60));
        for (int i = 0; i < 10; i++) {
            t.failed("anna");
        }
        assertThat(t.waitFor("anna")).isEqualTo(Duration.ofMinutes(15));
        t.succeeded("anna");
        assertThat(t.waitFor("anna")).isZero();
    }
}
