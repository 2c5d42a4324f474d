package org.deskcrm.persistence;

import org.deskcrm.AppContext;
import org.deskcrm.model.client.PhoneDigits;
import org.deskcrm.model.user.Role;
import org.deskcrm.model.user.User;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Phone search at 1 000 000 phone channels on H2 (ADR 0009), not in the suite (run it with
 * {@code -Dtest=PhoneSearchScaleCheck}): the last 4-10 digits, a national number and a full international
 * number, each through the client service's search; prints p50/p95 and fails above 50 ms p95.
 */
class PhoneSearchScaleCheck {
    static final int CLIENTS = 100_000;
    static final int PER_CLIENT = 10;
    static final Instant NOW = Instant.parse("2026-03-10T09:30:00Z");

    static String number(long n) {
        return "+1" + (2_000_000_000L + n * 7_777L % 8_000_000_000L);
    }

    @Test
    void searchByTheLastDigitsStaysUnderFiftyMillisecondsAtOneMillionChannels() throws Exception {
        try (AppContext ctx = new AppContext(TestDatabases.h2(), Clock.fixed(NOW, ZoneOffset.UTC))) {
            ctx.referenceData().ensureDefaults(Locale.ENGLISH);
            ctx.businessRegion().change("US");
            long owner = ctx.users().insert(User.draft("anna", "Anna Petrova", Role.MANAGER, null), null);
            long t = System.nanoTime();
            ClientBulk.insert(ctx.database(), CLIENTS, Instant.parse("2020-01-01T00:00:00Z"), owner);
            long firstId = ((Number) ctx.database().dsl().fetchValue("SELECT MIN(id) FROM client")).longValue();
            try (Connection c = ctx.database().dataSource().getConnection();
                 PreparedStatement ps = c.prepareStatement("INSERT INTO channel (client_id, kind_code, value_raw,"
                         + " value_norm, digits_rev) VALUES (?, 'phone', ?, ?, ?)")) {
                c.setAutoCommit(false);
                for (long n = 0; n < (long) CLIENTS * PER_CLIENT; n++) {
                    String e164 = number(n);
                    ps.setLong(1, firstId + n / PER_CLIENT);
                    ps.setString(2, e164);
                    ps.setString(3, e164);
                    ps.setString(4, PhoneDigits.reversed(e164));
                    ps.addBatch();
                    if (n % 10_000 == 9_999) {
                        ps.executeBatch();
                        c.commit();
                    }
                }
                ps.executeBatch();
                c.commit();
            }
            System.out.printf("inserted %d clients and %d channels in %d ms%n", CLIENTS, CLIENTS * PER_CLIENT,
                    (System.nanoTime() - t) / 1_000_000);

            SplittableRandom rnd = new SplittableRandom(7);
            List<String> queries = new ArrayList<>();
            for (int i = 0; i < 300; i++) {
                String e164 = number(rnd.nextLong(CLIENTS * (long) PER_CLIENT));
                String digits = e164.substring(2);
                queries.add(switch (i % 3) {
                    case 0 -> digits.substring(10 - (4 + rnd.nextInt(7))); // the last 4..10 digits
                    case 1 -> "(" + digits.substring(0, 3) + ") " + digits.substring(3, 6) + "-" + digits.substring(6);
                    default -> "+1 " + digits.substring(0, 3) + " " + digits.substring(3, 6) + " " + digits.substring(6);
                });
            }
            for (int i = 0; i < 30; i++) {
                ctx.clients().search(queries.get(i), 8); // warm up
            }
            long[] ms = new long[queries.size()];
            for (int i = 0; i < queries.size(); i++) {
                long t0 = System.nanoTime();
                int found = ctx.clients().search(queries.get(i), 8).size();
                ms[i] = (System.nanoTime() - t0) / 1_000;
                assertThat(found).as(queries.get(i)).isPositive();
            }
            Arrays.sort(ms);
            double p50 = ms[ms.length / 2] / 1000.0;
            double p95 = ms[(int) Math.ceil(ms.length * 0.95) - 1] / 1000.0;
            System.out.printf(Locale.ROOT, "phone search at %d channels: p50 %.1f ms, p95 %.1f ms, max %.1f ms%n",
                    CLIENTS * PER_CLIENT, p50, p95, ms[ms.length - 1] / 1000.0);
            assertThat(p95).isLessThanOrEqualTo(50.0);
        }
    }
}
