package org.deskcrm.service.user;

import org.deskcrm.persistence.user.SignInFailureRepository;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

/**
 * Slows down password guessing: after {@link #FREE_ATTEMPTS} failed sign-ins for one login, each
 * further attempt must wait, 30 s after the fifth failure and twice as long after every next one, up
 * to 15 minutes. A successful sign-in clears the login's count. Kept in the database
 * ({@link SignInFailureRepository}), so restarting the application does not reset it (ADR 0011).
 */
public final class LoginThrottle {
    public static final int FREE_ATTEMPTS = 5;
    static final Duration FIRST_DELAY = Duration.ofSeconds(30);
    static final Duration MAX_DELAY = Duration.ofMinutes(15);

    private final Clock clock;
    private final SignInFailureRepository failures;

    public LoginThrottle(Clock clock, SignInFailureRepository failures) {
        this.clock = clock;
        this.failures = failures;
    }

    /** How long this login must still wait before another attempt; zero when it may try now. */
    public Duration waitFor(String login) {
        Instant lockedUntil = failures.find(key(login)).map(SignInFailureRepository.Failures::lockedUntil).orElse(null);
        if (lockedUntil == null) {
            return Duration.ZERO;
        }
        Duration left = Duration.between(clock.instant(), lockedUntil);
        return left.isNegative() ? Duration.ZERO : left;
    }

    public void failed(String login) {
        Instant now = clock.instant();
        failures.fail(key(login), now, n -> {
            if (n < FREE_ATTEMPTS) {
                return null;
            }
            int doublings = Math.min(n - FREE_ATTEMPTS, 10);
            Duration d = FIRST_DELAY.multipliedBy(1L << doublings);
            return now.plus(d.compareTo(MAX_DELAY) > 0 ? MAX_DELAY : d);
        });
    }

    public void succeeded(String login) {
        failures.clear(key(login));
    }

    private static String key(String login) {
        String k = login == null ? "" : login.strip().toLowerCase(Locale.ROOT);
        return k.length() > 100 ? k.substring(0, 100) : k;
    }
}
