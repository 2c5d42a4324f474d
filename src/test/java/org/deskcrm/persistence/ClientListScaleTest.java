package org.deskcrm.persistence;

import org.deskcrm.AppContext;
import org.deskcrm.model.client.ClientCursor;
import org.deskcrm.model.client.ClientFilter;
import org.deskcrm.model.client.ClientListPage;
import org.deskcrm.model.client.ClientQuery;
import org.deskcrm.model.client.ClientSort;
import org.deskcrm.model.user.Role;
import org.deskcrm.model.user.User;
import org.deskcrm.service.client.ClientListService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The client list at 100 000 clients on H2: the first page, a page deep in the list and the count,
 * for every sort order, stay well under the time a user would notice (bounds are generous: the build
 * machine is shared; the printed times are the measurement).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ClientListScaleTest {
    static final int CLIENTS = 100_000;
    static final Instant NOW = Instant.parse("2026-03-10T09:30:00Z");
    AppContext ctx;
    ClientListService list;

    @BeforeAll
    void fill() {
        ctx = new AppContext(TestDatabases.h2(), Clock.fixed(NOW, ZoneOffset.UTC));
        ctx.referenceData().ensureDefaults(Locale.ENGLISH);
        long owner = ctx.users().insert(User.draft("anna", "Anna Petrova", Role.MANAGER, null), null);
        long t = System.nanoTime();
        ClientBulk.insert(ctx.database(), CLIENTS, Instant.parse("2020-01-01T00:00:00Z"), owner);
        System.out.printf("inserted %d clients in %d ms%n", CLIENTS, (System.nanoTime() - t) / 1_000_000);
        list = ctx.clientList();
    }

    @AfterAll
    void close() {
        ctx.close();
    }

    @Test
    void everySortStaysFastDeepInTheList() {
        for (ClientSort sort : ClientSort.values()) {
            for (boolean desc : new boolean[]{false, true}) {
                ClientQuery q = ClientQuery.DEFAULT.withSort(sort, desc);
                list.page(q, null, 199); // warm up (another limit: H2 would reuse an identical result)
                long t0 = System.nanoTime();
                ClientListPage first = list.page(q, null, 200);
                long firstMs = (System.nanoTime() - t0) / 1_000_000;
                // walk to the middle of the list by cursors, then time one page there
                ClientCursor c = first.next();
                for (int i = 0; i < 20; i++) {
                    c = list.page(q, c, 2_000).next();
                }
                long t1 = System.nanoTime();
                ClientListPage deep = list.page(q, c, 200);
                long deepMs = (System.nanoTime() - t1) / 1_000_000;
                System.out.printf("sort %s %s: first page %d ms, page after 40 000 rows %d ms%n", sort,
                        desc ? "desc" : "asc", firstMs, deepMs);
                assertThat(first.items()).hasSize(200);
                assertThat(deep.items()).hasSize(200);
                assertThat(firstMs).isLessThan(500);
                assertThat(deepMs).isLessThan(500);
            }
        }
    }

    @Test
    void countAndFilteredCountAreFast() {
        long t0 = System.nanoTime();
        long all = list.count(ClientQuery.DEFAULT);
        long ms = (System.nanoTime() - t0) / 1_000_000;
        long t1 = System.nanoTime();
        long prefix = list.count(ClientQuery.DEFAULT.withText("bulk client 0012"));
        long prefixMs = (System.nanoTime() - t1) / 1_000_000;
        long archived = list.count(ClientQuery.DEFAULT.withFilter(ClientFilter.ALL.withArchived(true)));
        System.out.printf("count %d in %d ms; name prefix count %d in %d ms%n", all, ms, prefix, prefixMs);
        assertThat(all).isEqualTo(CLIENTS - CLIENTS / 10);
        assertThat(archived).isEqualTo(CLIENTS);
        assertThat(prefix).isEqualTo(90); // 001200..001299 minus the ten archived
        assertThat(ms).isLessThan(1_000);
        assertThat(prefixMs).isLessThan(500);
    }
}
