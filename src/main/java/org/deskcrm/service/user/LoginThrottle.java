package org.deskcrm.service.user;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Slows down password guessing: after {@link #FREE_ATTEMPTS} failed sign-ins for one login, each
 * further attempt must wait, 30 s after the fifth failure and twice as long after every next one, up
 * to 15 minutes. A successful sign-in clears the login's count. Kept in memory of this process.
 */
public final class LoginThrottle {
    public static final int FREE_ATTEMPTS = 5;
    static final Duration FIRST_DELAY = Duration.ofSeconds(30);
    static final Duration MAX_DELAY = Duration.ofMinutes(15);

    private record State(int failures, Instant lockedUntil) {
    }

    private final Clock clock;
    private final Map<String, State> states = new ConcurrentHashMap<>();

    public LoginThrottle(Clock clock) {
        this.clock = clock;
    }

    /** How long this login must still wait before another attempt; zero when it may try now. */
    public Duration waitFor(String login) {
        State s = states.get(key(login));
        if (s == null || s.lockedUntil() == null) {
            return Duration.ZERO;
        }
        Duration left = Duration.between(clock.instant(), s.lockedUntil());
        return left.isNegative() ? Duration.ZERO : left;
    }

    public void failed(String login) {
        states.compute(key(login), (k, s) -> {
            int n = s == null ? 1 : s.failures() + 1;
            if (n < FREE_ATTEMPTS) {
                return new State(n, null);
            }
            int doublings = Math.min(n - FREE_ATTEMPTS, 10);
            Duration d = FIRST_DELAY.multipliedBy(1L << doublings);
            if (d.compareTo(MAX_DELAY) > 0) {
                d = MAX_DELAY;
            }
            return new State(n, clock.instant().plus(d));
        });
    }

    public void succeeded(String login) {
        states.remove(key(login));
    }

    private static String key(String login) {
        return login == null ? "" : login.strip().toLowerCase(Locale.ROOT);
    }
}
