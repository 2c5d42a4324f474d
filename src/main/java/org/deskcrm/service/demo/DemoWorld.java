package org.deskcrm.service.demo;

import org.deskcrm.service.client.LifecycleRules;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

/**
 * Everything the per-client generators share: the clock, the people, the pipelines, the dictionaries
 * and the thresholds of this database.
 */
record DemoWorld(
        Instant now,
        LocalDate today,
        ZoneId zone,
        Instant start,
        Vocabulary main,
        Vocabulary other,
        long supervisorId,
        List<Manager> managers,
        List<Long> teamIds,
        DealPath.Plan leadgen,
        DealPath.Plan sales,
        DealPath.Plan current,
        List<Long> sourceIds,
        List<Long> lostReasonIds,
        List<Long> productIds,
        List<Long> tagIds,
        LifecycleRules lifecycle,
        int hotMin,
        int warmMin,
        int callbackHours) {

    /** A manager and the team they work in. */
    record Manager(long id, long teamId) {
    }

    /** Another manager of the same team (or the same one when alone). */
    Manager teammate(Manager m, java.util.SplittableRandom rnd) {
        for (int tries = 0; tries < 4; tries++) {
            Manager other = managers.get(rnd.nextInt(managers.size()));
            if (other.teamId() == m.teamId() && other.id() != m.id()) {
                return other;
            }
        }
        return m;
    }

    /** The catalogue entry and database id of the i-th product. */
    Vocabulary.Product product(int i) {
        return main.products().get(i);
    }
}
