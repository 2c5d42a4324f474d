package org.deskcrm.service.report;

import org.deskcrm.model.client.LifecycleStatus;
import org.deskcrm.persistence.report.LifecycleQueries.Before;
import org.deskcrm.persistence.report.LifecycleQueries.SaleDay;
import org.deskcrm.service.client.LifecycleRules;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Lifecycle statuses over a period, derived from the sales history with the same rules as the stored
 * status (ADR 0003): a client's status on day d is {@link LifecycleRules#status} of its purchases made
 * on or before d. It can only change on a purchase day or on the day a purchase grows too old (last
 * purchase + fresh_days + 1, + churn_days + 1), so evaluating those days replays every change exactly.
 */
final class LifecycleHistory {
    /** One change of a client's status, on the day it took effect. */
    record Transition(long clientId, LifecycleStatus from, LifecycleStatus to, LocalDate day) {
    }

    private final Map<Long, LifecycleStatus> atStart = new HashMap<>();
    private final Map<Long, LifecycleStatus> atEnd = new HashMap<>();
    private final List<Transition> transitions = new ArrayList<>();

    /**
     * @param before purchases before {@code from} by client
     * @param within purchase days within [from, to]
     */
    LifecycleHistory(LifecycleRules rules, LocalDate from, LocalDate to, List<Before> before, List<SaleDay> within) {
        Map<Long, Before> prior = new HashMap<>();
        before.forEach(b -> prior.put(b.clientId(), b));
        Map<Long, TreeMap<LocalDate, Integer>> days = new HashMap<>();
        within.forEach(d -> days.computeIfAbsent(d.clientId(), k -> new TreeMap<>()).merge(d.day(), d.count(), Integer::sum));
        TreeSet<Long> clients = new TreeSet<>(prior.keySet());
        clients.addAll(days.keySet());
        for (long id : clients) {
            Before b = prior.get(id);
            replay(rules, id, from, to, b == null ? 0 : b.count(), b == null ? null : b.last(),
                    days.getOrDefault(id, new TreeMap<>()));
        }
    }

    private void replay(LifecycleRules rules, long id, LocalDate from, LocalDate to, int count0, LocalDate last0,
                        TreeMap<LocalDate, Integer> sales) {
        LifecycleStatus status = rules.status(count0, last0, from.minusDays(1));
        atStart.put(id, status);
        TreeSet<LocalDate> checks = new TreeSet<>(sales.keySet());
        List<LocalDate> lasts = new ArrayList<>(sales.keySet());
        if (last0 != null) {
            lasts.add(last0);
        }
        for (LocalDate l : lasts) {
            checks.add(l.plusDays(rules.freshDays() + 1L));
            checks.add(l.plusDays(rules.churnDays() + 1L));
        }
        int count = count0;
        LocalDate last = last0;
        for (LocalDate day : checks.subSet(from, true, to, true)) {
            Integer bought = sales.get(day);
            if (bought != null) {
                count += bought;
                last = day;
            }
            LifecycleStatus now = rules.status(count, last, day);
            if (now != status) {
                transitions.add(new Transition(id, status, now, day));
                status = now;
            }
        }
        atEnd.put(id, status);
    }

    /** The status at the end of the day before the period, for clients with any purchase by the period's end. */
    Map<Long, LifecycleStatus> atStart() {
        return atStart;
    }

    /** The status at the end of the period's last day, for the same clients. */
    Map<Long, LifecycleStatus> atEnd() {
        return atEnd;
    }

    /** Every change within the period, by client and day. */
    List<Transition> transitions() {
        return transitions;
    }
}
