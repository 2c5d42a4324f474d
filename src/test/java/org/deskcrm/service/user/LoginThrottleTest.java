package org.deskcrm.service.user;

import org.deskcrm.persistence.Database;
import org.deskcrm.persistence.DatabaseConfig;
import org.deskcrm.persistence.TestDatabases;
import org.deskcrm.persistence.user.SignInFailureRepository;
import org.deskcrm.service.MutableClock;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** The sign-in throttle, kept in a real H2 database. */
class LoginThrottleTest {
    @Test
    void fiveFailuresAreFreeThenTheWaitDoublesUpToFifteenMinutes() {
        MutableClock clock = new MutableClock(Instant.parse("2026-03-10T09:00:00Z"));
        Database db = TestDatabases.h2();
        LoginThrottle t = new LoginThrottle(clock, new SignInFailureRepository(db));
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
        db.close();
    }

    @Test
    void aRestartedApplicationStillMakesTheLoginWait() {
        MutableClock clock = new MutableClock(Instant.parse("2026-03-10T09:00:00Z"));
        DatabaseConfig config = DatabaseConfig.inMemory("throttle-restart-" + java.util.UUID.randomUUID());
        try (Database first = Database.open(config, 2)) {
            LoginThrottle before = new LoginThrottle(clock, new SignInFailureRepository(first));
            for (int i = 0; i < LoginThrottle.FREE_ATTEMPTS + 1; i++) { // the sixth failure: a wait of 60 s
                before.failed("boris");
            }
            assertThat(before.waitFor("boris")).isEqualTo(Duration.ofSeconds(60));
        }
        clock.advance(Duration.ofSeconds(20));
        try (Database restarted = Database.open(config, 2)) { // a new process: new service, same database
            LoginThrottle after = new LoginThrottle(clock, new SignInFailureRepository(restarted));
            assertThat(after.waitFor("boris")).isEqualTo(Duration.ofSeconds(40));
            clock.advance(Duration.ofSeconds(40));
            after.failed("boris"); // the seventh: the doubling goes on from the stored count
            assertThat(after.waitFor("boris")).isEqualTo(Duration.ofSeconds(120));
        }
    }
}
