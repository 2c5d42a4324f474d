package org.deskcrm.service.report;

import org.deskcrm.persistence.report.FirstCallQueries.Neighbours;
import org.deskcrm.persistence.totals.CallTotals;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * First-call resolution as ADR 0002 defines it. A <b>first call</b> is an answered incoming call whose
 * caller (client card, else number) had no call, in or out, in the window before it; it is
 * <b>resolved</b> when the caller has no further call, in or out, in the window after it. Both windows
 * are half-open: a neighbour exactly one window away is outside. FCR = resolved / first calls.
 */
final class FirstCallResolution {
    static final String WINDOW_SETTING = CallTotals.WINDOW_SETTING;
    static final int DEFAULT_WINDOW_DAYS = CallTotals.DEFAULT_WINDOW_DAYS;

    /** The ids of the first calls and of the resolved ones among them. */
    record Outcome(Set<Long> first, Set<Long> resolved) {
    }

    private FirstCallResolution() {
    }

    static Duration window(ReportSupport support) {
        return Duration.ofDays(CallTotals.windowDays(support.setting(WINDOW_SETTING)));
    }

    static boolean isFirst(Neighbours n, Duration window) {
        return n.previousAt() == null || !n.previousAt().isAfter(n.startedAt().minus(window));
    }

    static boolean isResolved(Neighbours n, Duration window) {
        return isFirst(n, window) && (n.nextAt() == null || !n.nextAt().isBefore(n.startedAt().plus(window)));
    }

    static Outcome of(List<Neighbours> calls, Duration window) {
        Set<Long> first = new HashSet<>();
        Set<Long> resolved = new HashSet<>();
        for (Neighbours n : calls) {
            if (isFirst(n, window)) {
                first.add(n.id());
            }
            if (isResolved(n, window)) {
                resolved.add(n.id());
            }
        }
        return new Outcome(first, resolved);
    }
}
